/**
 * `npm run build`:
 *   dist/reservekit-booking.js  one self-contained, minified ES module for a <script type="module">:
 *                               both elements, every translation, no imports, nothing fetched later
 *                               (so its SRI hash covers all of it); a hidden source map beside it
 *   dist/lib/                   ES modules for bundlers (dependencies external) + .d.ts
 *   dist/custom-elements.json   the manifest, and docs/api.md generated from it
 * Prints the standalone bundle's sizes, its biggest contributors, its SRI hash and the markup to
 * embed it with the startup API calls preloaded (scripts/embed-snippet.mjs).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileSizes, shares } from './bench/size.mjs';
import { embedSnippet } from './embed-snippet.mjs';
import { intlWarmUp } from './intl-warmup-snippet.mjs';
import { build } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const bin = (name) => join(root, 'node_modules/.bin', name);
rmSync(dist, { recursive: true, force: true });

// ---- standalone ------------------------------------------------------------------------------
// One file for everything a page can use: inline widget, popup, manage page and all six languages
// cost 45 KB gzip at most together, and one file means one request, one integrity hash and nothing to host beside it.
await build({
  root,
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
  publicDir: false,
  // Lit picks its production build by export condition; these globals must not survive either.
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [minifyTemplates()],
  build: {
    outDir: dist,
    emptyOutDir: false,
    // terser after rolldown's own minifier: two compress passes take about 0.8 KB gzip more.
    // keep_fargs: false drops unused trailing parameters (20 B gzip): nothing in the file reads a
    // function's `length` (lit, @lit/task, zod 4 and luxon's zone rules checked, and our code).
    minify: 'terser',
    terserOptions: { module: true, ecma: 2020, compress: { passes: 2, keep_fargs: false }, format: { comments: false } },
    // A map beside each file for debugging and for the size report below; 'hidden': no comment pointing at it, no bytes.
    sourcemap: 'hidden',
    lib: {
      entry: { 'reservekit-booking': join(root, 'src/standalone.ts') },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    // Translations are dynamic imports (SPA bundlers split them off); here they go inside the one file.
    rolldownOptions: { output: { codeSplitting: false, minify: true, comments: false } },
  },
});

/** Whitespace inside Lit's html`` and css`` templates, which no JS minifier may touch, goes too. */
function minifyTemplates() {
  return {
    name: 'reservekit:minify-templates',
    async transform(code, id) {
      if (!/\/src\/components\/.*\.ts$/.test(id)) return;
      const { minifyHTMLLiterals } = await import('minify-literals');
      return (await minifyHTMLLiterals(code, { fileName: id })) ?? undefined;
    },
  };
}

const bundle = join(dist, 'reservekit-booking.js');
// V8's explicit compile hint (v8.dev/blog/explicit-compile-hints): with this magic comment first in
// the file, Chromium compiles every function while the file streams in, off the main thread,
// instead of each one on its first call, inside the tasks that evaluate the module and render the
// calendar. Startup runs nearly every function the file has. 21 B gzip; measured in docs/bench.md.
// The minifiers drop comments, so it is added here, and the hidden source map moves down a line.
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
writeFileSync(bundle, COMPILE_HINT + readFileSync(bundle, 'utf8'));
const bundleMap = `${bundle}.map`;
const sourceMap = JSON.parse(readFileSync(bundleMap, 'utf8'));
writeFileSync(bundleMap, JSON.stringify({ ...sourceMap, mappings: `;${sourceMap.mappings}` }));
const code = readFileSync(bundle);
const text = code.toString();
const leaks = [/\bprocess\.env\b/, /\bimport\s*[^(]*?from\s*["']/, /\bimport\s*["']/, /\bimport\s*\(/, /\brequire\(/].filter((re) => re.test(text));
if (leaks.length) throw new Error(`dist/reservekit-booking.js is not self-contained: ${leaks.join(', ')}`);

const sizes = fileSizes(bundle);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`\ndist/reservekit-booking.js  ${kb(sizes.raw)} raw, ${kb(sizes.gzip)} gzip (${sizes.gzip} B), ${kb(sizes.brotli)} brotli`);

// Who takes the room, from the bundle's own source map (scripts/bench/size.mjs).
console.log('  contributors (gzip share of the shipped bytes):');
const { groups } = shares(root, { bundle, totalGzip: sizes.gzip });
for (const g of groups) {
  console.log(`    ${g.group.padEnd(40)} ${kb(g.raw).padStart(9)} min ${kb(g.gzip).padStart(8)} gz  ${(g.share * 100).toFixed(0).padStart(3)}%`);
}
// The widget uses luxon's zone rules (IANAZone), never DateTime: DateTime's methods reach all of
// luxon (~20 KB gzip more). Say so plainly if an import, or a luxon or rolldown update, brings it back.
const luxon = groups.find((g) => g.group === 'luxon');
if (text.includes('Invalid DateTime') || (luxon?.gzip ?? 0) > 4096) {
  throw new Error(`luxon's DateTime is in dist/reservekit-booking.js (luxon: ${kb(luxon?.gzip ?? 0)} gzip): import only IANAZone from luxon in src/ code the element reaches (see docs/bench.md, findings)`);
}
const sri = `sha384-${createHash('sha384').update(code).digest('base64')}`;
console.log(`  integrity="${sri}"\n`);
// The markup to embed it, with the element's two startup GETs preloaded in parallel with the
// script (placeholders: your copy of the file, your proxy's path, your service id).
const warmUp = intlWarmUp();
const snippet = embedSnippet({ src: 'https://YOUR-CDN/reservekit-booking.js', integrity: sri, apiBase: '/api/booking', serviceId: 'SERVICE_ID', warmUp: warmUp.code });
console.log(`  embed (preloads and ICU warm-up in <head>, see docs/startup.md):\n${`${snippet.head}\n${snippet.body}`.replace(/^/gm, '    ')}\n`);
console.log(`  a Content-Security-Policy without 'unsafe-inline' allows the warm-up script by its hash: script-src ${warmUp.hash}\n`);
writeFileSync(join(dist, 'reservekit-booking.js.sri'), `${sri}\n`);

// ---- library ---------------------------------------------------------------------------------
const entries = Object.fromEntries(
  [
    'index',
    'api/index',
    'components/booking-button/index',
    'components/booking-manage/index',
    'react/index',
    // What `reservekit-booking/standalone` is in Node (the `node` export condition): the one-file
    // script carries Lit's browser build, which needs a DOM as soon as it loads.
    'standalone',
    'mock/index',
    'mock/browser',
    'server/index', // written alongside; built when present
    'server/node',
    'server/redis',
  ]
    .filter((name) => existsSync(join(root, `src/${name}.ts`)))
    .map((name) => [name, join(root, `src/${name}.ts`)]),
);
// luxon is not external: the widget uses only its zone rules (IANAZone), which rolldown cuts out
// of luxon's one-file build here, once (2 KB gzip). Left to the app's bundler, esbuild would keep
// all of luxon (22 KB gzip), since it cannot tell that luxon's classes are free of side effects.
const external = /^(lit|@lit\/task|@lit\/react|react|zod|msw|@mswjs\/[^/]+|redis|rate-limiter-flexible|node:.*)(\/|$)/;
/** `node_modules/luxon/…` inside dist/ would be left out of the npm package: call it vendor/luxon. */
const luxonNotice = `luxon ${JSON.parse(readFileSync(join(root, 'node_modules/luxon/package.json'), 'utf8')).version} (zone rules only) | MIT License | ${readFileSync(join(root, 'node_modules/luxon/LICENSE.md'), 'utf8').split('\n')[0]}`;
const libFileName = ({ name }) => `${name.replace(/^.*node_modules\/luxon\/.*$/, 'vendor/luxon')}.js`;
await build({
  root,
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: join(dist, 'lib'),
    emptyOutDir: false,
    minify: false, // the app's bundler minifies; readable code helps whoever debugs it
    sourcemap: true,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      external: (id) => external.test(id),
      output: {
        preserveModules: true,
        preserveModulesRoot: join(root, 'src'),
        entryFileNames: libFileName,
        // luxon's MIT licence asks for its notice in copies of its code.
        banner: (chunk) => (chunk.fileName === 'vendor/luxon.js' ? `/*! ${luxonNotice} */` : ''),
      },
    },
  },
});

// Declarations from tsc; sources write relative imports with `.js`, as `moduleResolution:
// node16/nodenext` projects need (test/node/specifiers.test.ts keeps it so).
execFileSync(bin('tsc'), ['-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
const missing = Object.keys(entries).filter((name) => !existsSync(join(dist, 'lib', `${name}.js`)) || !existsSync(join(dist, 'lib', `${name}.d.ts`)));
if (missing.length) throw new Error(`library build is missing ${missing.join(', ')}`);
console.log(`dist/lib: ${Object.keys(entries).join(', ')}`);

// ---- manifest and API docs -------------------------------------------------------------------
execFileSync(bin('cem'), ['analyze', '--config', join(root, 'scripts/cem-plugins.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [join(root, 'scripts/api-docs.mjs')], { cwd: root, stdio: 'inherit' });
console.log('dist/custom-elements.json, docs/api.md');
