/**
 * `npm run test:apps`: the package as a new user gets it. `npm pack`s this package (dist/ must be
 * built), installs the tarball from the npm registry's way into fresh React 16, 18, 19 and Vue 3
 * apps under the system temp dir, type-checks them (`tsc`, `vue-tsc`), builds them with Vite, then
 * books in each in headless Chromium and checks that the events reached the framework's handlers;
 * with the booking's manage token, the manage page (the mock stands in for the proxy) cancels it.
 * Versions are pinned; installs use npm's cache (`--prefer-offline`). Prints the time of each step.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { bookIn, cancelIn, openBrowser, openPopup, serve } from './browser.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

const common = { typescript: '5.9.3', vite: '8.3.8', msw: '2.15.0' };
const react = (files, main) => ({ files: ['index.html', 'src/typed.ts', 'src/mock.ts', 'src/Wrapped.tsx', ...files], main, dir: 'react', check: ['tsc', '-p', '.'] });
const all = {
  'react-16': { ...react(['src/App.tsx'], 'src/main-legacy.tsx'), deps: { react: '16.14.0', 'react-dom': '16.14.0', '@types/react': '17.0.93', '@types/react-dom': '17.0.9' }, widgets: ['wrapped'], manage: 'wrapped' },
  'react-18': { ...react(['src/App.tsx'], 'src/main.tsx'), deps: { react: '18.3.1', 'react-dom': '18.3.1', '@types/react': '18.3.32', '@types/react-dom': '18.3.7' }, widgets: ['wrapped'], manage: 'wrapped' },
  'react-19': { ...react([['src/App-19.tsx', 'src/App.tsx'], 'src/Raw.tsx'], 'src/main.tsx'), deps: { react: '19.2.0', 'react-dom': '19.2.0', '@types/react': '19.2.2', '@types/react-dom': '19.2.2' }, widgets: ['wrapped', 'raw'], manage: 'wrapped' },
  'vue-3': {
    dir: 'vue',
    files: ['index.html', 'vite.config.mjs', 'src/main.ts', 'src/App.vue', ['../react/src/typed.ts', 'src/typed.ts'], ['../react/src/mock.ts', 'src/mock.ts']],
    deps: { vue: '3.5.45', 'vue-tsc': '3.3.14', '@vitejs/plugin-vue': '6.0.11' },
    check: ['vue-tsc', '-p', '.'],
    widgets: ['raw'],
    manage: 'raw',
  },
  // Type-checked only: typings shipped for these where they were cheap.
  'svelte-5': {
    dir: 'svelte',
    files: ['src/App.svelte', ['../react/src/typed.ts', 'src/typed.ts'], ['../react/src/mock.ts', 'src/mock.ts']],
    deps: { svelte: '5.57.3', 'svelte-check': '4.7.8' },
    check: ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings'],
    typesOnly: true,
  },
  solid: {
    dir: 'solid',
    files: ['src/App.tsx', ['../react/src/typed.ts', 'src/typed.ts'], ['../react/src/mock.ts', 'src/mock.ts']],
    deps: { 'solid-js': '1.9.20' },
    check: ['tsc', '-p', '.'],
    jsx: { jsx: 'preserve', jsxImportSource: 'solid-js' },
    typesOnly: true,
  },
};

/** `RK_APPS=react-19,vue-3` runs only those. */
const only = process.env.RK_APPS?.split(',');
const apps = Object.fromEntries(Object.entries(all).filter(([name]) => !only || only.includes(name)));

const timings = [];
async function timed(label, fn) {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    timings.push([label, performance.now() - start]);
  }
}

/** Runs a command; on failure the assertion carries its output, which says what broke. */
async function sh(cwd, cmd, args) {
  try {
    return (await run(cmd, args, { cwd, maxBuffer: 64 << 20, env: { ...process.env, npm_config_update_notifier: 'false' } })).stdout;
  } catch (error) {
    assert.fail(`${cmd} ${args.join(' ')} in ${cwd} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

let work = '';
let tarball = '';
let browser;
const servers = [];

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'rk-apps-'));
  const packed = await timed('npm pack', () => sh(root, 'npm', ['pack', '--json', '--pack-destination', work]));
  const [{ filename, files }] = JSON.parse(packed);
  tarball = join(work, filename);
  const paths = files.map((f) => f.path);
  for (const needed of ['LICENSE', 'README.md', 'dist/reservekit-booking.js', 'dist/lib/react/index.js', 'dist/lib/react/manage.js', 'dist/lib/components/booking-manage/index.js', 'dist/lib/types/react.d.ts', 'dist/lib/types/vue.d.ts', 'dist/custom-elements.json']) {
    assert.ok(paths.includes(needed), `the package lacks ${needed}`);
  }
  assert.ok(!paths.some((p) => p.startsWith('src/') || p.startsWith('test/') || p.endsWith('.js.map') && !p.startsWith('dist/lib/')), 'the package carries sources, tests or the standalone map');

  for (const [name, app] of Object.entries(apps)) {
    const dir = join(work, name);
    for (const file of app.files) {
      const [from, to] = Array.isArray(file) ? file : [file, file];
      cpSync(here(`${app.dir}/${from}`), join(dir, to));
    }
    if (app.main) cpSync(here(`${app.dir}/${app.main}`), join(dir, 'src/main.tsx'));
    const tsx = app.jsx ?? (app.dir === 'react' ? { jsx: 'react-jsx' } : {});
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: false, types: [], ...tsx }, include: ['src'] }, null, 2));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `rk-${name}`, private: true, type: 'module', dependencies: { 'reservekit-booking': `file:${tarball}`, ...common, ...app.deps } }, null, 2));
  }
  // In parallel: npm's time goes to the network and the cache, not the CPU.
  await timed('npm install (all apps, parallel)', () =>
    Promise.all(Object.keys(apps).map((name) => sh(join(work, name), 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']))),
  );
});

after(async () => {
  await browser?.close();
  for (const s of servers) s.close();
  if (work) rmSync(work, { recursive: true, force: true });
  console.log('\nconsumer apps, time per step:');
  for (const [label, ms] of timings) console.log(`  ${label.padEnd(44)} ${(ms / 1000).toFixed(1).padStart(6)} s`);
  console.log(`  ${'total'.padEnd(44)} ${(timings.reduce((s, [, ms]) => s + ms, 0) / 1000).toFixed(1).padStart(6)} s`);
});

for (const [name, app] of Object.entries(apps)) {
  describe(name, () => {
    const dir = () => join(work, name);

    test('type-checks', async () => {
      await timed(`${name}: ${app.check[0]}`, () => sh(dir(), join(dir(), 'node_modules/.bin', app.check[0]), app.check.slice(1)));
    });

    if (app.typesOnly) return;

    test('builds with Vite', async () => {
      await timed(`${name}: vite build`, () => sh(dir(), join(dir(), 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn']));
      const assets = join(dir(), 'dist/assets');
      const js = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(assets, f)));
      const gzip = js.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0);
      console.log(`  ${name}: app bundle ${(gzip / 1024).toFixed(1)} KB gzip (the framework, the widget and the mock API with msw)`);
    });

    test('books in the browser, and the events reach the framework', async () => {
      await timed(`${name}: browser`, async () => {
        browser ??= await openBrowser();
        const server = await serve(join(dir(), 'dist'));
        servers.push(server);
        const page = await browser.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        try {
          await page.goto(server.url);
          for (const widget of app.widgets) {
            const log = await bookIn(page, `#${widget}`, `#${widget}-log`);
            for (const entry of [/^ready Consultation$/, /^date \d{4}-\d\d-\d\d$/, /^slot \d+$/, /^booked \d+$/]) {
              assert.ok(log.some((line) => entry.test(line)), `${widget}: no ${entry} in the handlers' log: ${log.join(' | ')}`);
            }
            console.log(`  ${name} #${widget}, the handlers' log: ${log.join(' | ')}`);
            if (widget === 'wrapped') assert.ok(log.some((line) => /^before-submit /.test(line)), log.join(' | '));
            assert.ok(!log.some((line) => line.startsWith('error')), log.join(' | '));
          }
          if (app.manage) {
            const log = await cancelIn(page, `#${app.manage}-manage`, `#${app.manage}-log`);
            const booked = log.find((line) => /^booked /.test(line))?.slice('booked '.length);
            assert.ok(log.includes(`cancelled ${booked}`), `the manage page did not cancel booking ${booked}: ${log.join(' | ')}`);
            assert.ok(!log.some((line) => line.startsWith('error')), log.join(' | '));
            console.log(`  ${name} #${app.manage}-manage, the handlers' log: ${log.join(' | ')}`);
          }
          if (app.dir === 'react') assert.equal(await page.$eval('#popup', (el) => el.dataset.ref), 'set', 'the wrapper did not forward its ref');
          const log = await openPopup(page, `#${app.widgets[0]}-log`);
          assert.ok(log.includes('open'), `the popup's rk-open did not reach the handler: ${log.join(' | ')}`);
          assert.deepEqual(errors, []);
        } finally {
          await page.close();
        }
      });
    });
  });
}
