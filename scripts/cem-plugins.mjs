/**
 * Config for `cem analyze --config scripts/cem-plugins.mjs` (run by scripts/build.mjs).
 * The analyzer reads Lit's `static properties` (attributes, types, defaults, reflects); these
 * plugins only fix what a consumer of the manifest would trip on.
 */

/**
 * `_`-prefixed members are internal state (`_date: { state: true }`): private, and, since Lit
 * gives state no attribute, not attributes either (the analyzer lists them as if they were).
 */
function privateUnderscore() {
  return {
    name: 'reservekit:private-underscore',
    moduleLinkPhase({ moduleDoc }) {
      for (const d of moduleDoc.declarations ?? []) {
        for (const m of d.members ?? []) {
          if (!m.name.startsWith('_')) continue;
          m.privacy = 'private';
          delete m.attribute;
          delete m.reflects;
        }
        if (d.attributes) d.attributes = d.attributes.filter((a) => !a.name.startsWith('_'));
      }
    },
  };
}

/**
 * The TypeScript program of the analysed sources, with a type checker: the analyzer hands its own
 * `ts` to `collectPhase`, and the later phases use it to read what JSDoc alone does not say.
 */
function program() {
  const state = { ts: null, files: new Set(), checker: null, sources: [] };
  state.plugin = {
    name: 'reservekit:program',
    collectPhase({ ts, node }) {
      state.ts ??= ts;
      state.files.add(node.getSourceFile().fileName);
    },
  };
  state.load = () => {
    if (state.checker) return state;
    const ts = state.ts;
    const prog = ts.createProgram([...state.files], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    });
    state.checker = prog.getTypeChecker();
    state.sources = prog.getSourceFiles().filter((f) => !f.isDeclarationFile);
    return state;
  };
  return state;
}

/**
 * Each `rk-*` event's `type` (`CustomEvent<BookedDetail>`), read from the global event map the
 * sources declare (`HTMLElementEventMap` / `GlobalEventHandlersEventMap`), so wrapper and IDE
 * generators see the detail types, not just the names.
 */
function eventTypes(ts) {
  return {
    name: 'reservekit:event-types',
    packageLinkPhase({ customElementsManifest }) {
      const types = eventMap(ts.load());
      for (const d of declarations(customElementsManifest)) {
        for (const e of d.events ?? []) if (types.has(e.name)) e.type = { text: types.get(e.name) };
      }
    },
  };
}

/**
 * Event name -> `CustomEvent<Detail>`, from the interfaces that declare events: the DOM's own maps
 * (`HTMLElementEventMap`, `GlobalEventHandlersEventMap`: name -> event) and ours (`RkEventMap`:
 * name -> detail).
 */
function eventMap({ ts, checker, sources }) {
  const map = new Map();
  const members = (node) => node.members.filter((m) => ts.isPropertySignature(m) && m.type && ts.isStringLiteral(m.name));
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node) && /^(HTMLElement|GlobalEventHandlers)EventMap$/.test(node.name.text)) {
      for (const member of members(node)) {
        const type = checker.getTypeAtLocation(member.type);
        const [detail] = type.symbol?.name === 'CustomEvent' ? checker.getTypeArguments(type) : [];
        if (detail) map.set(member.name.text, `CustomEvent<${typeText(ts, checker, detail, member)}>`);
      }
    }
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'RkEventMap') {
      for (const member of members(node)) map.set(member.name.text, `CustomEvent<${typeText(ts, checker, checker.getTypeAtLocation(member.type), member)}>`);
    }
    ts.forEachChild(node, visit);
  };
  for (const source of sources) visit(source);
  return map;
}

/** A named type by its name; an inline `{ … }` as written in the source (the checker would expand the schema types in it). */
function typeText(ts, checker, type, where) {
  const literal = type.symbol?.declarations?.find((d) => ts.isTypeLiteralNode(d));
  if (literal && !type.aliasSymbol) return literal.getText().replace(/\s+/g, ' ');
  return checker.typeToString(type, where, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
}

/** A default written as a named constant (`DEFAULT_API_BASE`) shows the value a reader needs. */
function constantDefaults(ts) {
  return {
    name: 'reservekit:constant-defaults',
    packageLinkPhase({ customElementsManifest }) {
      const { ts: api, sources } = ts.load();
      const constants = new Map();
      const visit = (node) => {
        if (api.isVariableDeclaration(node) && api.isIdentifier(node.name) && node.initializer && api.isStringLiteral(node.initializer)) {
          constants.set(node.name.text, `'${node.initializer.text}'`);
        }
        api.forEachChild(node, visit);
      };
      for (const source of sources) visit(source);
      for (const d of declarations(customElementsManifest)) {
        for (const item of [...(d.members ?? []), ...(d.attributes ?? [])]) {
          if (constants.has(item.default)) item.default = constants.get(item.default);
        }
      }
    },
  };
}

const declarations = (manifest) => manifest.modules.flatMap((m) => m.declarations ?? []);

/**
 * `<reservekit-booking-button>` forwards every attribute of `<reservekit-booking>` at runtime
 * (it reads them from the class); list them on it too, so editors autocomplete them.
 */
function forwardedAttributes() {
  return {
    name: 'reservekit:forwarded-attributes',
    packageLinkPhase({ customElementsManifest }) {
      const elements = declarations(customElementsManifest).filter((d) => d.customElement);
      const booking = elements.find((d) => d.tagName === 'reservekit-booking');
      const button = elements.find((d) => d.tagName === 'reservekit-booking-button');
      if (!booking || !button) return;
      button.attributes ??= [];
      for (const a of booking.attributes ?? []) {
        if (button.attributes.some((b) => b.name === a.name)) continue;
        const f = booking.members?.find((m) => m.name === a.fieldName) ?? a;
        button.attributes.push({ name: a.name, type: f.type ?? a.type, default: f.default ?? a.default, description: `Passed to the inner \`<reservekit-booking>\`. ${a.description ?? ''}`.trim() });
      }
      // The widget's events bubble (composed) out of the button: a listener on it hears them.
      button.events ??= [];
      for (const e of booking.events ?? []) {
        if (button.events.some((b) => b.name === e.name)) continue;
        button.events.push({ ...e, description: `From the inner \`<reservekit-booking>\`: ${e.description ?? ''}`.trim() });
      }
    },
  };
}

/**
 * The manifest describes what we ship: `src/x/y.ts` becomes `dist/lib/x/y.js`, the module
 * consumers import (src/ is not in the package). Definitions also get their odd
 * `/src/…/booking.component` (no extension) references fixed.
 */
function shippedPaths() {
  const fix = (path) => path?.replace(/^\/?src\/(.*?)(\.ts|\.js)?$/, 'dist/lib/$1.js');
  return {
    name: 'reservekit:shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        mod.path = fix(mod.path);
        for (const e of mod.exports ?? []) if (e.declaration?.module) e.declaration.module = fix(e.declaration.module);
        for (const d of mod.declarations ?? []) {
          if (d.superclass?.module) d.superclass.module = fix(d.superclass.module);
          for (const m of d.members ?? []) if (m.inheritedFrom?.module) m.inheritedFrom.module = fix(m.inheritedFrom.module);
        }
      }
    },
  };
}

const ts = program();

export default {
  globs: ['src/components/**/*.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [ts.plugin, privateUnderscore(), eventTypes(ts), constantDefaults(ts), forwardedAttributes(), shippedPaths()],
};
