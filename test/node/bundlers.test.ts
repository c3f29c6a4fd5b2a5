/**
 * What `import 'reservekit-booking'` adds to an app, through each bundler an app may use:
 * minified production builds of a one-line app with esbuild, Vite and webpack, the package
 * linked as npm would install it. Prints the gzip bytes of each (all chunks: Vite and webpack
 * split the translations off, esbuild without `splitting` inlines them); fails when one bundler keeps
 * far more than another (esbuild used to keep all of luxon: 51 KB against Vite's 31 KB).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import webpack from 'webpack';

const root = fileURLToPath(new URL('../../', import.meta.url));
const noBuild = !existsSync(join(root, 'dist/lib/index.js')) && 'dist/lib is missing: run `npm run build` first';
const gzip = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
let app = '';
const sizes: Record<string, number> = {};

before(() => {
  if (noBuild) return;
  app = mkdtempSync(join(tmpdir(), 'rk-bundlers-'));
  mkdirSync(join(app, 'node_modules'));
  symlinkSync(root, join(app, 'node_modules/reservekit-booking'), 'dir');
  writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true, "type": "module" }');
  writeFileSync(join(app, 'main.js'), "import 'reservekit-booking';\n");
});
after(() => {
  if (app) rmSync(app, { recursive: true, force: true });
  if (Object.keys(sizes).length) console.log(`import 'reservekit-booking' adds, minified + gzip: ${Object.entries(sizes).map(([b, n]) => `${b} ${kb(n)} (${n} B)`).join(', ')}`);
});

const bundlers: Record<string, () => Promise<string>> = {
  async esbuild() {
    const out = await esbuild({ entryPoints: [join(app, 'main.js')], bundle: true, minify: true, write: false, format: 'esm', logLevel: 'silent', absWorkingDir: app, define: { 'process.env.NODE_ENV': '"production"' } });
    return out.outputFiles[0].text;
  },
  async vite() {
    type Output = { output: { type: string; code?: string }[] };
    const out = (await vite({ root: app, configFile: false, logLevel: 'silent', build: { write: false, rolldownOptions: { input: join(app, 'main.js') } } })) as Output | Output[];
    return (Array.isArray(out) ? out[0] : out).output.map((o) => (o.type === 'chunk' ? o.code : '')).join('');
  },
  async webpack() {
    const outDir = join(app, 'webpack-dist');
    await new Promise<void>((resolve, reject) =>
      webpack({ mode: 'production', context: app, entry: './main.js', output: { path: outDir }, performance: { hints: false } }, (error, stats) =>
        error || stats?.hasErrors() ? reject(error ?? new Error(stats!.toString('errors-only'))) : resolve(),
      ),
    );
    return readdirSync(outDir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(outDir, f), 'utf8')).join('');
  },
};

for (const [name, bundle] of Object.entries(bundlers)) {
  test(`${name}: registers the element, keeps luxon's zone rules only`, { skip: noBuild }, async () => {
    const code = await bundle();
    assert.match(code, /customElements\.define\(\s*["'`]reservekit-booking["'`]/);
    // DateTime's error text: present only when all of luxon came along.
    assert.ok(!code.includes('Invalid DateTime'), `${name} bundled all of luxon`);
    sizes[name] = gzip(code);
  });
}

test('no bundler pays much more than another', { skip: noBuild }, () => {
  const all = Object.values(sizes);
  assert.equal(all.length, 3, 'a bundler failed above');
  assert.ok(Math.max(...all) - Math.min(...all) < 4096, `sizes differ by more than 4 KB: ${JSON.stringify(sizes)}`);
});
