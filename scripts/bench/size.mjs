/**
 * Bundle bytes (raw, gzip -9, brotli q11 via node:zlib) and each dependency's share.
 *
 * The production build (Vite/rolldown) writes no metafile, so the shares come from an esbuild
 * bundle of the same entry (src/standalone.ts) with the same settings (minified ESM, production
 * conditions, NODE_ENV=production, es2022): its metafile gives minified bytes per input, and a
 * second esbuild pass that keeps line breaks (and esbuild's `// path` module comments) gives each
 * group's code, which is whitespace-minified and gzipped on its own. Gzip shares are those per-group sizes scaled so they add up to
 * the real bundle's gzip size: approximate (gzip shares context across module boundaries).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';

export const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
export const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

export function fileSizes(file) {
  const code = readFileSync(file);
  return { raw: code.length, gzip: gzip(code), brotli: brotli(code) };
}

const TRANSLATIONS = /^src\/i18n\/(de|fr|es|ja|ar)\.ts$/;

/** Group of an esbuild input path. */
export function groupOf(input) {
  const pkg = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg) {
    if (pkg === 'lit' || pkg === 'lit-html' || pkg === 'lit-element' || pkg.startsWith('@lit/')) return 'lit';
    if (pkg === 'luxon') return 'luxon';
    if (pkg === 'zod') return 'zod';
    return pkg;
  }
  if (TRANSLATIONS.test(input)) return 'ours: translations (de fr es ja ar)';
  if (input.startsWith('src/components/booking-button/')) return 'ours: booking-button element';
  if (input.startsWith('src/components/booking/booking.styles')) return 'ours: booking styles';
  if (input.startsWith('src/components/')) return 'ours: booking element';
  if (input.startsWith('src/')) return `ours: ${input.split('/')[1]}`;
  return 'other';
}

const RUNTIME = 'ours: esbuild runtime (decorator helpers)';

export async function shares(root, { entry = 'src/standalone.ts', totalGzip, outDir }) {
  const common = {
    absWorkingDir: root,
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'silent',
    write: false,
    // Translations are sibling files the widget fetches on demand, not part of its bundle.
    external: ['./de', './fr', './es', './ja', './ar'],
  };
  const min = await build({ ...common, minify: true, metafile: true, outfile: join(outDir, 'standalone.esbuild.js') });
  writeFileSync(join(outDir, 'standalone.meta.json'), JSON.stringify(min.metafile, null, 1));
  writeFileSync(join(outDir, 'standalone.esbuild.js'), min.outputFiles[0].contents);
  const [output] = Object.values(min.metafile.outputs);
  const raw = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) raw.set(groupOf(input), (raw.get(groupOf(input)) ?? 0) + bytesInOutput);
  const inputsTotal = [...raw.values()].reduce((a, b) => a + b, 0);
  raw.set(RUNTIME, output.bytes - inputsTotal);

  // Same bundle with line breaks kept: split it at esbuild's `// <path>` module comments.
  const lines = await build({ ...common, minifySyntax: true, minifyIdentifiers: true, outfile: join(outDir, 'standalone.split.js') });
  const code = new Map();
  let group = RUNTIME;
  for (const line of lines.outputFiles[0].text.split('\n')) {
    const m = line.match(/^\/\/ ((?:node_modules|src)\/\S+)$/);
    if (m) group = groupOf(m[1]);
    else code.set(group, (code.get(group) ?? '') + line + '\n');
  }
  // Each group's statements, whitespace-minified on their own (identifiers are already the bundle's).
  const alone = new Map();
  for (const [g, text] of code) {
    const minified = await transform(text, { minifyWhitespace: true, format: 'esm', target: 'es2022', logLevel: 'silent' }).then((r) => r.code, () => text);
    alone.set(g, gzip(Buffer.from(minified)));
  }
  const aloneTotal = [...alone.values()].reduce((a, b) => a + b, 0);
  const rows = [...raw.keys()].filter((g) => raw.get(g) > 0).map((g) => ({
    group: g,
    raw: raw.get(g),
    gzipAlone: alone.get(g) ?? 0,
    gzip: Math.round(((alone.get(g) ?? 0) / aloneTotal) * totalGzip),
    share: (alone.get(g) ?? 0) / aloneTotal,
  }));
  rows.sort((a, b) => (a.group.startsWith('ours') === b.group.startsWith('ours') ? b.gzip - a.gzip : a.group.startsWith('ours') ? 1 : -1));
  const ours = rows.filter((r) => r.group.startsWith('ours'));
  const sum = (list, k) => list.reduce((a, r) => a + r[k], 0);
  return {
    method: 'esbuild metafile of ' + entry + ' (minified bytes per input); gzip share = each group gzipped alone, scaled to the real bundle gzip',
    esbuildBundle: { raw: output.bytes, gzip: gzip(Buffer.from(min.outputFiles[0].contents)) },
    metafile: relative(root, join(outDir, 'standalone.meta.json')),
    groups: rows,
    ours: { raw: sum(ours, 'raw'), gzip: sum(ours, 'gzip'), share: sum(ours, 'share') },
  };
}
