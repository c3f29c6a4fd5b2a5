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
        for (const m of d.members ?? []) if (m.name.startsWith('_')) m.privacy = 'private';
        if (d.attributes) d.attributes = d.attributes.filter((a) => !a.name.startsWith('_'));
      }
    },
  };
}

/**
 * `<reservekit-booking-button>` forwards every attribute of `<reservekit-booking>` at runtime
 * (it reads them from the class); list them on it too, so editors autocomplete them.
 */
function forwardedAttributes() {
  return {
    name: 'reservekit:forwarded-attributes',
    packageLinkPhase({ customElementsManifest }) {
      const elements = customElementsManifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
      const booking = elements.find((d) => d.tagName === 'reservekit-booking');
      const button = elements.find((d) => d.tagName === 'reservekit-booking-button');
      if (!booking || !button) return;
      button.attributes ??= [];
      for (const a of booking.attributes ?? []) {
        if (button.attributes.some((b) => b.name === a.name)) continue;
        const f = booking.members?.find((m) => m.name === a.fieldName) ?? a;
        button.attributes.push({ name: a.name, type: f.type ?? a.type, default: f.default ?? a.default, description: `Passed to the inner \`<reservekit-booking>\`. ${a.description ?? ''}`.trim() });
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

export default {
  globs: ['src/components/**/*.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [privateUnderscore(), forwardedAttributes(), shippedPaths()],
};
