/**
 * `npm run bench:peers`: first visits to a page with each peer booking UI, bundled from npm, and
 * to ours (the preload page), in the same browser run and on the same emulated network as
 * `npm run bench -- --network slow4g`. Prints times as ratios to ours; `--docs` rewrites the
 * <!-- bench:peers --> section of docs/bench.md.
 *
 * Peers are installed into .bench/peers/ (not the package's devDependencies) at the versions
 * below. The page can reach only the bench's own origin: every other host fails to resolve, so
 * a peer that needs its vendor's servers shows what it asked for and when it gave up, never a
 * made-up number.
 *
 * Options: --runs <n> (default 8), --network <profile> (default slow4g), --docs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { PROFILES, navigate } from './bench/network.mjs';
import { ourVariants, page, probe } from './bench/pages.mjs';
import { startSite } from './bench/site.mjs';
import { LAUNCH, summarizeRuns, writeDocsSection } from './bench/startup.mjs';
import { kb, ms, summarize } from './bench/stats.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const { values: opt } = parseArgs({ options: { runs: { type: 'string', default: '8' }, network: { type: 'string', default: 'slow4g' }, docs: { type: 'boolean', default: false } } });
const profile = PROFILES[opt.network];
const runs = Number(opt.runs);
const started = Date.now();
const log = (...a) => console.error(`[peers ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...a);

/**
 * The peers: npm packages, the entry that starts each one as its docs say, its page body, and
 * what "interactive" means for it (a calendar a visitor can pick a day in). `needs` is what it
 * must reach to show one, when that is not our page's origin.
 */
const PEERS = {
  'timekit-booking': {
    packages: ['timekit-booking@3.3.1'],
    entry: `import TimekitBooking from 'timekit-booking'; import 'timekit-booking/public/build/booking.min.css';
      new TimekitBooking().init({ app_key: 'live_widget_key_bench', el: '#bookingjs' });`,
    body: '<div id="bookingjs"></div>',
    ready: `() => !!document.querySelector('#bookingjs .fc-view-harness, #bookingjs .fc-view')`,
    needs: 'api.timekit.io (project and availability for the app key)',
  },
  'dayschedule-widget': {
    packages: ['dayschedule-widget@1.2.8'],
    entry: `import 'dayschedule-widget'; window.daySchedule.initPopupWidget({ url: 'https://meet.dayschedule.com' });`,
    body: '',
    ready: `() => false`,
    needs: 'an iframe of meet.dayschedule.com (the booking UI is their page)',
  },
  'cronofy-elements': {
    packages: ['cronofy-elements@1.67.7'],
    entry: `import * as CronofyElements from 'cronofy-elements';
      (CronofyElements.default ?? CronofyElements).DateTimePicker({ element_token: 'bench', target_id: 'cronofy', data_center: 'us',
        availability_query: { participants: [{ required: 'all', members: [{ sub: 'acc_bench' }] }], required_duration: { minutes: 60 },
          query_periods: [{ start: new Date(Date.now() + 864e5).toISOString().slice(0, 10) + 'T09:00:00Z', end: new Date(Date.now() + 30 * 864e5).toISOString().slice(0, 10) + 'T17:00:00Z' }] } });`,
    body: '<div id="cronofy"></div>',
    ready: `() => !!document.querySelector('#cronofy [class*=calendar] button:not([disabled]), #cronofy [class*=day] button:not([disabled])')`,
    needs: 'api.cronofy.com (element token and availability)',
  },
  'nylas-scheduling': {
    packages: ['@nylas/web-elements@2.5.18'],
    entry: `import { defineCustomElement } from '@nylas/web-elements/dist/components/nylas-scheduling.js'; defineCustomElement();`,
    body: '<nylas-scheduling configuration-id="bench-config"></nylas-scheduling>',
    ready: `() => !!document.querySelector('nylas-scheduling')?.shadowRoot?.querySelector('nylas-calendar-picker, [part*=calendar]')`,
    needs: 'api.us.nylas.com (scheduler configuration and availability)',
  },
  'calcom-atoms': {
    // Its peer dependencies, less Next.js: next/navigation is replaced by a stub, as in a plain React page.
    packages: ['@calcom/atoms@2.11.0', 'react@18', 'react-dom@18', '@hookform/error-message@2', '@hookform/resolvers@3', '@radix-ui/react-avatar@1', '@radix-ui/react-checkbox@1', '@radix-ui/react-dialog@1', '@radix-ui/react-dropdown-menu@2', '@radix-ui/react-hover-card@1', '@radix-ui/react-id@1', '@radix-ui/react-radio-group@1', '@radix-ui/react-switch@1', '@radix-ui/react-toast@1', '@radix-ui/react-toggle-group@1', '@radix-ui/react-tooltip@1', '@stripe/react-stripe-js@2', '@stripe/stripe-js@4', '@tanstack/react-query@5', 'framer-motion@11', 'i18next@23', 'react-hook-form@7', 'react-i18next@14', 'react-select@5', 'react-timezone-select@3', 'sonner@1', 'zustand@4', 'date-fns@3'],
    stubs: { 'next/navigation': 'export const useRouter = () => ({ push() {}, replace() {}, refresh() {} }); export const usePathname = () => location.pathname; export const useSearchParams = () => new URLSearchParams(location.search); export const redirect = () => {};',
      'next/link': "import { createElement } from 'react'; export default ({ href, children, ...p }) => createElement('a', { href, ...p }, children);",
      'next/image': "import { createElement } from 'react'; export default ({ src, alt, width, height }) => createElement('img', { src, alt, width, height });",
    },
    entry: `import { createElement as h } from 'react'; import { createRoot } from 'react-dom/client';
      import { CalProvider, Booker } from '@calcom/atoms'; import '@calcom/atoms/globals.min.css';
      createRoot(document.getElementById('cal')).render(h(CalProvider, { clientId: 'bench', accessToken: 'bench', options: { apiUrl: location.origin + '/calcom/v2', refreshUrl: '/calcom/refresh' } }, h(Booker, { eventSlug: '30min', username: 'alice' })));`,
    body: '<div id="cal"></div>',
    ready: `() => !!document.querySelector('#cal [data-testid=day]:not([disabled]), #cal button[data-testid=day]')`,
    needs: "Cal.com's API v2 (event type and slots for a platform client; its apiUrl points at the bench's origin, which has no answers for it)",
  },
  cally: {
    packages: ['cally@0.9.2'],
    entry: `import 'cally';`,
    body: '<calendar-date><calendar-month></calendar-month></calendar-date>',
    ready: `() => !!document.querySelector('calendar-month')?.shadowRoot?.querySelector('button:not([disabled])')`,
    needs: null,
    calendarOnly: true,
  },
};

// ---- install and bundle ----------------------------------------------------------------------
const dir = join(root, '.bench/peers');
mkdirSync(join(dir, 'entries'), { recursive: true });
const wanted = [...new Set(Object.values(PEERS).flatMap((p) => p.packages))];
const manifest = join(dir, 'package.json');
const installed = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).installedFor : '';
if (installed !== wanted.join(' ')) {
  log(`npm install into .bench/peers: ${wanted.join(' ')}`);
  writeFileSync(manifest, JSON.stringify({ name: 'rk-bench-peers', private: true }) + '\n');
  // --legacy-peer-deps: Cal.com atoms ask for Next.js as a peer, which the Booker does not need in a browser.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps', '--no-save', ...wanted], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(manifest, JSON.stringify({ name: 'rk-bench-peers', private: true, installedFor: wanted.join(' ') }) + '\n');
}
const files = {};
const built = {};
for (const [name, p] of Object.entries(PEERS)) {
  const entry = join(dir, 'entries', `${name}.js`);
  writeFileSync(entry, p.entry + '\n');
  const outfile = join(dir, 'dist', `${name}.js`);
  const alias = {};
  for (const [spec, code] of Object.entries(p.stubs ?? {})) {
    alias[spec] = join(dir, 'entries', `${name}-${spec.replace(/\W+/g, '-')}.js`);
    writeFileSync(alias[spec], code + '\n');
  }
  try {
    await build({
      absWorkingDir: dir,
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2020',
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file', '.gif': 'file' },
      alias,
      outfile,
      logLevel: 'silent',
    });
    files[`/peers/${name}.js`] = outfile;
    if (existsSync(outfile.replace(/\.js$/, '.css'))) files[`/peers/${name}.css`] = outfile.replace(/\.js$/, '.css');
    built[name] = true;
  } catch (error) {
    built[name] = String(error.message).split('\n')[0];
    log(`${name}: cannot be bundled: ${built[name]}`);
  }
}

// ---- run ---------------------------------------------------------------------------------------
const ours = ourVariants({ src: '/dist/reservekit-booking.js' }).preload;
const pages = { '/ours': ours.html };
for (const [name, p] of Object.entries(PEERS)) {
  if (built[name] !== true) continue;
  const css = files[`/peers/${name}.css`] ? `<link rel="stylesheet" href="/peers/${name}.css">\n` : '';
  pages[`/${name}`] = () => page({ head: `${probe(p.ready)}\n${css}<script type="module" src="/peers/${name}.js"></script>\n<script type="module">performance.mark('bench:evaluated')</script>`, body: p.body });
}
const site = await startSite(root, { schedule: 'heavy', pages, files: { ...files, '/dist/reservekit-booking.js': join(root, 'dist/reservekit-booking.js') } });
const browser = await puppeteer.launch({ ...LAUNCH, args: [...LAUNCH.args, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
const results = { date: new Date().toISOString(), profile, runs, chrome: (await browser.version()).replace(/^\D+/, ''), pages: {} };
try {
  for (const path of Object.keys(pages)) {
    const name = path.slice(1);
    const peer = PEERS[name];
    const list = [];
    // A peer that never becomes interactive is visited fewer times: every visit waits out the timeout.
    const count = peer && !peer.calendarOnly ? Math.min(runs, 3) : runs;
    log(`${name}: 1+${count} first visits`);
    for (let i = 0; i < count + 1; i++) {
      const r = await navigate(browser, site, `${site.url}${path}`, profile, { readyMs: 8000, settleMs: peer ? 500 : 1500 });
      if (i > 0) list.push(r);
    }
    const scriptPath = peer ? `/peers/${name}.js` : '/dist/reservekit-booking.js';
    const s = summarizeRuns(list, profile, { pagePath: path, scriptPath, apiPaths: peer ? [] : ours.api(site.context).map((p) => `/api${p}`) });
    s.interactiveRuns = list.filter((r) => r.interactive !== null).length;
    s.elsewhere = [...new Set(list.flatMap((r) => r.elsewhere))];
    s.css = files[`/peers/${name}.css`] ? list[0].requests.find((r) => r.path === `/peers/${name}.css`)?.bytes ?? 0 : 0;
    results.pages[name] = s;
    log(`${name}: interactive ${ms(s.interactive.median)} in ${s.interactiveRuns}/${list.length}, evaluated ${ms(s.timeline.evaluated.median)}, script ${kb(s.bytes.script)}`);
  }
} finally {
  await browser.close();
  await site.close();
}
for (const [name, reason] of Object.entries(built)) if (reason !== true) results.pages[name] = { unbundled: reason };

// ---- table -------------------------------------------------------------------------------------
const us = results.pages.ours;
const x = (a, b) => (a == null || b == null ? 'n/a' : `${(a / b).toFixed(1)}×`);
const lines = [
  `### Peers — ${results.date.slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `\`npm run bench:peers\`: ${profile.label}; one browser run, first visits (ours ${us.runs}, each peer as noted), phone viewport, Chromium ${results.chrome}; only the bench's own origin resolves; ${Math.round((Date.now() - started) / 1000)} s.`,
  '',
  '| page | script + CSS (gzip) | navigation → script evaluated | navigation → interactive calendar (median, min–max) | ÷ ours | runs offline? |',
  '|---|---|---|---|---|---|',
];
for (const [name, s] of Object.entries(results.pages)) {
  const peer = PEERS[name];
  if (s.unbundled) {
    lines.push(`| ${name} | — | — | — | — | could not be bundled from npm: ${s.unbundled} |`);
    continue;
  }
  const evaluated = `${ms(s.timeline.evaluated.median)} (${x(s.timeline.evaluated.median, us.interactive.median)} of our interactive)`;
  // A peer whose servers are out of reach can at best show its calendar without data: a lower bound.
  const bound = peer?.needs ? '≥ ' : '';
  const interactive = s.interactiveRuns ? `${bound}${ms(s.interactive.median)} (${ms(s.interactive.min)}–${ms(s.interactive.max)})${bound && ': its calendar, with no data'}` : `no calendar within 8 s (${s.runs} visits)`;
  const offline = !peer ? `yes (mock API on the page's origin), floor ${ms(s.floor.median)}` : peer.needs ? `no: needs ${peer.needs}${s.elsewhere.length ? `; asked for ${s.elsewhere.join(', ')}` : '; asked for nothing, showed no calendar'}` : 'yes: a calendar only, no data, nothing to book';
  const ratio = s.interactiveRuns ? bound + x(s.interactive.median, us.interactive.median) : `≥ ${x(s.timeline.evaluated.median, us.interactive.median)} (its script alone)`;
  lines.push(`| ${name === 'ours' ? '**reservekit-booking** (preload snippet)' : `${name} ${peer.packages[0].replace(/^.*@/, '')}`} | ${kb(s.bytes.script + (s.css ?? 0))} | ${evaluated} | ${interactive} | ${name === 'ours' ? '1.0×' : ratio} | ${offline} |`);
}
const table = lines.join('\n');
writeFileSync(join(root, '.bench/peers.json'), JSON.stringify({ ...results, table }, null, 2) + '\n');
console.log(table);
if (opt.docs) {
  writeDocsSection(root, 'peers', table);
  console.log('docs/bench.md updated');
}
