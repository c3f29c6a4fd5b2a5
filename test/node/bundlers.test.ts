/**
 * What `import 'reservekit-booking'` adds to an app, through each bundler an app may use:
 * minified production builds of a one-line app with esbuild, Vite and webpack, the package
 * linked as npm would install it. Prints the gzip bytes of each (all chunks: Vite and webpack
 * split the translations off, esbuild without `splitting` inlines them); fails when one bundler keeps
 * far more than another (esbuild used to keep all of luxon: 51 KB against Vite's 31 KB).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, test } from 'node:test';
import webpack from 'webpack';
import { linkedApp, noBuild } from './linked-app';

const gzip = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const app = linkedApp('rk-bundlers-');
const APP = "import 'reservekit-booking';\n";
const sizes: Record<string, number> = {};

after(() => {
  if (Object.keys(sizes).length) console.log(`import 'reservekit-booking' adds, minified + gzip: ${Object.entries(sizes).map(([b, n]) => `${b} ${kb(n)} (${n} B)`).join(', ')}`);
});

const bundlers: Record<string, () => Promise<string>> = {
  esbuild: async () => (await app.bundle('esbuild', APP, { production: true })).code,
  vite: async () => (await app.bundle('vite', APP, { production: true })).code,
  async webpack() {
    const outDir = join(app.dir, 'webpack-dist');
    await new Promise<void>((resolve, reject) =>
      webpack({ mode: 'production', context: app.dir, entry: app.entry(APP), output: { path: outDir }, performance: { hints: false } }, (error, stats) =>
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
