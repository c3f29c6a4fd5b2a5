/**
 * `node scripts/bench/profile.mjs [--src <dir>] [--schedule heavy] [--what month|day|startup]`
 *
 * Where the time goes, for the bench's misses: bundles `<src>/standalone.ts` unminified (names
 * kept) into .bench/, runs the interaction in the bench page under the CDP sampling profiler and
 * prints the functions with the most self time and the most total time (ours first). Writes the
 * raw profile to .bench/<what>.cpuprofile (open it in DevTools > Performance).
 */
import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { serve } from './server.mjs';

const root = resolve(new URL('../..', import.meta.url).pathname);
const { values: opt } = parseArgs({
  options: {
    src: { type: 'string', default: 'src' },
    schedule: { type: 'string', default: 'heavy' },
    what: { type: 'string', default: 'month' },
    count: { type: 'string', default: '10' },
    top: { type: 'string', default: '25' },
    'with-day': { type: 'boolean', default: false },
  },
});
const srcDir = resolve(root, opt.src);
const tag = relative(root, srcDir).replace(/[^\w]+/g, '-');
const bundle = join(root, '.bench', `profile-${tag}.js`);
await build({
  absWorkingDir: root,
  entryPoints: [join(srcDir, 'standalone.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  keepNames: true,
  outfile: bundle,
  logLevel: 'warning',
});
await build({ absWorkingDir: root, entryPoints: ['src/mock/index.ts'], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', outfile: join(root, '.bench/mock.js'), logLevel: 'warning' });

const server = await serve(root);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.emulateTimezone('Europe/Berlin');
  const q = new URLSearchParams({ schedule: opt.schedule, bundle: '/' + relative(root, bundle), days: '365' });
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.goto(`${server.url}/scripts/bench/page.html?${q}`);
  await page.waitForFunction('window.bench');
  const n = Number(opt.count);
  const samples = [];
  if (opt.what === 'startup') await cdp.send('Profiler.start');
  samples.push(await page.evaluate(() => window.bench.start().then((r) => r.scriptToPainted)));
  if (opt.what !== 'startup') {
    // Warm-up; month changes are profiled with no day selected, as in the bench (--with-day: with one).
    await page.evaluate(() => window.bench.month('next'));
    if (opt.what === 'day' || opt['with-day']) await page.evaluate(() => window.bench.day());
    await cdp.send('Profiler.start');
    for (let i = 0; i < n; i++) {
      const r = await page.evaluate((what) => (what === 'day' ? window.bench.day() : window.bench.month('next')), opt.what);
      if (r) samples.push(r.update);
    }
  }
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(join(root, '.bench', `${opt.what}.cpuprofile`), JSON.stringify(profile));

  // Self time per node, then per function; total time via the node tree.
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
  const label = (nd) => {
    const f = nd.callFrame;
    const file = f.url ? f.url.replace(/^.*\//, '').replace(/\?.*$/, '') : '';
    return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
  };
  const self = new Map();
  const total = new Map();
  const walk = (id, stack) => {
    const nd = byId.get(id);
    const name = label(nd);
    const t = dt.get(id) ?? 0;
    self.set(name, (self.get(name) ?? 0) + t);
    const inner = new Set(stack).add(name);
    for (const s of inner) total.set(s, (total.get(s) ?? 0) + t); // each function once per sample path
    for (const c of nd.children ?? []) walk(c, inner);
  };
  walk(profile.nodes[0].id, new Set());
  const all = [...dt.values()].reduce((a, b) => a + b, 0);
  const idle = self.get('(idle) :0') ?? 0;
  console.log(`${opt.what} on ${opt.schedule} (${relative(root, srcDir)}): ${samples.length - 1} interactions, measures ${samples.slice(1).map((x) => x.toFixed(1)).join(' ')} ms`);
  console.log(`profile ${all.toFixed(0)} ms, idle ${idle.toFixed(0)} ms, busy ${(all - idle).toFixed(0)} ms`);
  const top = Number(opt.top);
  const show = (title, map) => {
    console.log(`\n${title}`);
    for (const [name, t] of [...map].filter(([k]) => !/^\((idle|root|program)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${t.toFixed(1).padStart(8)} ms  ${name}`);
  };
  show('self time', self);
  show('total time (inclusive)', total);
} finally {
  await browser.close();
  await server.close();
}
