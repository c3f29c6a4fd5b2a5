/**
 * `npm run bench -- --network slow4g`: first visits to our page variants under an emulated
 * network and CPU, navigation to interactive against the floor (scripts/bench/network.mjs), long
 * tasks by CPU time, and the requests each variant made. Writes .bench/network.json; `--docs`
 * rewrites the <!-- bench:network --> section of docs/bench.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import puppeteer from 'puppeteer-core';
import { PROFILES, floor, hostSpeed, longTasksOf, navigate } from './network.mjs';
import { controlScript, ourVariants } from './pages.mjs';
import { startSite } from './site.mjs';
import { kb, ms, summarize } from './stats.mjs';

export const LAUNCH = {
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  defaultViewport: { width: 412, height: 915, deviceScaleFactor: 1 }, // a phone's viewport
};

/** Issue 16's bar: navigation to interactive within 10% of the floor. */
const TARGET_RATIO = 1.1;
const range = (s, f = ms) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const ratio = (x) => (x === null ? 'n/a' : `${x.toFixed(2)}×`);

const bare = (path) => path.replace(/\?.*/, '');

/** Bytes of one visit, from the server's log: the page, the script, the API answers the interactive state needs (matched without query). */
export function visitBytes(requests, { pagePath, scriptPath, apiPaths }) {
  const first = (path) => requests.find((r) => bare(r.path) === path)?.bytes ?? 0;
  return { page: first(pagePath), script: first(scriptPath), api: apiPaths.reduce((n, p) => n + first(p), 0) };
}

/** Summary of `runs` visits of one page: timings, ratios to the floor, long tasks, requests. */
export function summarizeRuns(runs, profile, paths) {
  const endOf = (t, test) => Math.max(...t.resources.filter((x) => test(x.path)).map((x) => x.end), 0) || null;
  const per = runs.map((r) => {
    const bytes = visitBytes(r.requests, paths);
    const f = floor(profile, bytes);
    const longTasks = longTasksOf(r, endOf(r.timeline, (p) => p === paths.scriptPath));
    return { ...r, bytes, ...f, longTasks, ratio: r.interactive / f.floor, maxRatio: r.interactive / f.maxFloor };
  });
  const counts = {};
  for (const r of per[0]?.requests ?? []) {
    const key = r.path.replace(/\?.*/, '?…');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  const dupes = per.map((r) => paths.apiPaths.reduce((n, p) => n + Math.max(0, r.requests.filter((q) => bare(q.path) === p).length - 1), 0));
  const tl = (pick) => summarize(per.map((r) => pick(r.timeline)));
  return {
    runs: per.length,
    bytes: per[0]?.bytes,
    interactive: summarize(per.map((r) => r.interactive)),
    floor: summarize(per.map((r) => r.floor)),
    maxFloor: summarize(per.map((r) => r.maxFloor)),
    ratio: summarize(per.map((r) => r.ratio)),
    maxRatio: summarize(per.map((r) => r.maxRatio)),
    longTasks: {
      toInteractive: per.reduce((n, r) => n + r.longTasks.toInteractive.length, 0),
      settled: per.reduce((n, r) => n + r.longTasks.settled.length, 0),
      page: per.reduce((n, r) => n + r.longTasks.page.length, 0),
      runsWithOne: per.filter((r) => r.longTasks.settled.length).length,
      maxCpu: Math.max(0, ...per.map((r) => r.longTasks.maxCpu)),
      maxCpuToInteractive: Math.max(0, ...per.map((r) => r.longTasks.maxCpuToInteractive)),
      wall: per.reduce((n, r) => n + r.longTasks.wall.filter((d) => d > 50).length, 0),
    },
    timeline: {
      page: tl((t) => t.pageEnd),
      script: tl((t) => endOf(t, (p) => p === paths.scriptPath)),
      api: tl((t) => endOf(t, (p) => paths.apiPaths.includes(p))),
      evaluated: tl((t) => t.evaluated),
      data: tl((t) => t.data),
    },
    requests: counts,
    duplicates: dupes.reduce((a, b) => a + b, 0),
    errors: [...new Set(per.flatMap((r) => r.errors))],
    samples: per.map((r) => ({ interactive: Math.round(r.interactive), ratio: Math.round(r.ratio * 1000) / 1000, longTasksCpu: r.longTasks.settled })),
  };
}

export function networkTable(results) {
  const { profile } = results;
  const lines = [];
  lines.push(`### ${results.label} — ${results.date.slice(0, 16).replace('T', ' ')} UTC`);
  lines.push('');
  lines.push(`\`${results.command}\`: ${profile.label}; ${results.runs} first visits per page (after ${results.warm} discarded), one of each page per round, heavy schedule (350 weekly slots), phone viewport; Chromium ${results.chrome}; ${results.seconds} s.`);
  if (results.hostSpeed) {
    lines.push('');
    lines.push(`Host speed (\`hostSpeed\` in scripts/bench/network.mjs, a fixed workload at CPU ${profile.cpu}x, median of 5; lower is faster, and every task of a visit scales with it): ${ms(results.hostSpeed.before)} before the visits, ${ms(results.hostSpeed.after)} after.`);
  }
  lines.push('');
  const control = results.variants.control?.interactive.median;
  lines.push('| page | navigation → interactive, median (min–max) | floor | ratio to floor, median (min–max) | ratio to max() floor | ÷ control (same bytes, no work) | long tasks > 50 ms CPU from the script on (to interactive / all) | the page\'s own, before the script | requests (duplicates) |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const [name, v] of Object.entries(results.variants)) {
    const req = Object.entries(v.requests).map(([p, n]) => `${p.replace(/^\/api/, '')}${n > 1 ? ` ×${n}` : ''}`).join(', ');
    lines.push(`| ${name} | ${range(v.interactive)} | ${ms(v.floor.median)} | ${ratio(v.ratio.median)} (${ratio(v.ratio.min)}–${ratio(v.ratio.max)}) | ${ratio(v.maxRatio.median)} | ${control ? ratio(v.interactive.median / control) : 'n/a'} | ${v.longTasks.toInteractive} / ${v.longTasks.settled} (longest ${ms(v.longTasks.maxCpu)}) | ${v.longTasks.page} | ${req} (${v.duplicates}) |`);
  }
  lines.push('');
  lines.push('| page: bytes (gzip) and medians, ms after navigation start | page | script | API | page received | script received | API received | script evaluated | data parsed (rk:data) | interactive |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const [name, v] of Object.entries(results.variants)) {
    const t = v.timeline;
    lines.push(`| ${name} | ${kb(v.bytes.page)} | ${kb(v.bytes.script)} | ${kb(v.bytes.api)} | ${ms(t.page.median)} | ${ms(t.script.median)} | ${ms(t.api.median)} | ${ms(t.evaluated.median)} | ${ms(t.data.median)} | ${ms(v.interactive.median)} |`);
  }
  lines.push('');
  const verdict = (ok) => (ok ? 'pass' : 'FAIL');
  lines.push(
    `Targets (issue 16): ${Object.entries(results.variants)
      .filter(([n]) => n !== 'control')
      .map(([n, v]) => `${n}: median ≤ ${TARGET_RATIO.toFixed(2)}× floor ${verdict(v.ratio.median <= TARGET_RATIO)}, no long task over 50 ms CPU ${verdict(v.longTasks.settled === 0)}`)
      .join('; ')}.`,
  );
  const errors = Object.entries(results.variants).flatMap(([n, v]) => v.errors.map((e) => `${n}: ${e}`));
  if (errors.length) lines.push('', `Page errors: ${errors.join(' | ')}`);
  return lines.join('\n');
}

/** Replaces the text between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in docs/bench.md. */
export function writeDocsSection(root, name, table) {
  const docs = join(root, 'docs/bench.md');
  const text = readFileSync(docs, 'utf8');
  const re = new RegExp(`(<!-- bench:${name} -->)[\\s\\S]*?(<!-- /bench:${name} -->)`);
  if (!re.test(text)) throw new Error(`docs/bench.md has no <!-- bench:${name} --> section`);
  writeFileSync(docs, text.replace(re, (_, open, close) => `${open}\n\n${table}\n\n${close}`));
}

export async function runNetworkBench({ root, bundle, network, pages, runs, warm, schedule, label, docs, log }) {
  const profile = PROFILES[network];
  if (!profile) throw new Error(`--network ${network}: known profiles are ${Object.keys(PROFILES).join(', ')}`);
  const started = Date.now();
  const scriptPath = '/' + relative(root, bundle);
  const variants = ourVariants({ src: scriptPath });
  const names = pages ? pages.split(',') : Object.keys(variants);
  for (const n of names) if (!variants[n]) throw new Error(`--page ${n}: known pages are ${Object.keys(variants).join(', ')}`);
  mkdirSync(join(root, '.bench'), { recursive: true });
  const controlFile = join(root, '.bench/control.js');
  writeFileSync(controlFile, controlScript(readFileSync(bundle, 'utf8')));
  const site = await startSite(root, {
    schedule,
    pages: Object.fromEntries(names.map((n) => [`/${n}`, variants[n].html])),
    files: { [scriptPath]: bundle, [variants.control.script]: controlFile },
  });
  const browser = await puppeteer.launch(LAUNCH);
  const results = { label, command: `npm run bench -- --network ${network}${pages ? ` --page ${pages}` : ''}`, date: new Date().toISOString(), profile, runs, warm, schedule, chrome: (await browser.version()).replace(/^\D+/, ''), variants: {} };
  try {
    results.hostSpeed = { before: await hostSpeed(browser, profile) };
    // Round by round, one visit of each page per round: a machine that slows down or speeds up
    // during the run weighs on every page alike, the control included.
    const visits = Object.fromEntries(names.map((n) => [n, []]));
    log(`${names.join(', ')}: ${warm}+${runs} first visits each, page by page in each round (${profile.label})`);
    for (let i = 0; i < warm + runs; i++) {
      for (const n of names) {
        const r = await navigate(browser, site, `${site.url}/${n}`, profile);
        if (i >= warm) visits[n].push(r);
      }
    }
    for (const n of names) {
      const apiPaths = variants[n].api(site.context).map((p) => `/api${p}`);
      results.variants[n] = summarizeRuns(visits[n], profile, { pagePath: `/${n}`, scriptPath: variants[n].script ?? scriptPath, apiPaths });
      const v = results.variants[n];
      log(`${n}: interactive ${ms(v.interactive.median)}, floor ${ms(v.floor.median)}, ratio ${ratio(v.ratio.median)}, long tasks ${v.longTasks.settled}`);
    }
    results.hostSpeed.after = await hostSpeed(browser, profile);
  } finally {
    await browser.close();
    await site.close();
  }
  results.seconds = Math.round((Date.now() - started) / 1000);
  const table = networkTable(results);
  results.table = table;
  writeFileSync(join(root, '.bench/network.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(table);
  if (docs) {
    writeDocsSection(root, 'network', table);
    console.log('docs/bench.md updated');
  }
  return results;
}
