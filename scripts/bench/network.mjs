/**
 * Navigation to interactive under an emulated network and CPU, against the physical floor.
 * Used by `npm run bench -- --network slow4g` (our page variants) and `npm run bench:peers`.
 */
import { traceTasks } from './trace.mjs';

/**
 * Network profiles for CDP `Network.emulateNetworkConditions` (latency is added to every request;
 * throughput is in bytes per second and shared by the requests in flight, measured: two 40 KB
 * downloads side by side take twice as long as one) and the CPU slow-down for
 * `Emulation.setCPUThrottlingRate`.
 */
export const PROFILES = {
  slow4g: { label: 'Slow 4G: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x', latency: 150, down: 1_600_000 / 8, up: 750_000 / 8, cpu: 4 },
};
export const FRAME = 1000 / 60;

/**
 * The floor: the shortest time any page could show the calendar over this link, from the bytes
 * it must move. One round trip for the page and its bytes; then, in parallel on the same link
 * (started by the page's head), the script and the API answers the calendar needs; then one
 * frame to paint:
 *
 *   floor = RTT + page/down + RTT + (script + api)/down + 1 frame
 *
 * `maxFloor` is the variant the issue first wrote, with max(script, api) in place of the sum: a
 * link of its own for each download, lower than any browser can reach over one shared link.
 */
export function floor(profile, { page, script, api }) {
  const t = (bytes) => (bytes / profile.down) * 1000;
  return {
    floor: profile.latency + t(page) + profile.latency + t(script + api) + FRAME,
    maxFloor: profile.latency + t(page) + profile.latency + t(Math.max(script, api)) + FRAME,
  };
}

export async function emulate(page, profile) {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.down, uploadThroughput: profile.up });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  return cdp;
}

/**
 * How fast this host is right now, for reading a table against another: the main-thread time of a
 * fixed workload (arithmetic, small objects, a sort, strings; the mix a render does) in a blank
 * page under the profile's CPU throttle, median of `runs`. Chrome's throttle multiplies the host's
 * own time, so on a shared machine under load every task of a visit grows by the same factor as
 * this figure: 4x CPU on a busy host is more than 4x of a quiet one.
 */
export async function hostSpeed(browser, profile, runs = 5) {
  const page = await browser.newPage();
  try {
    await emulate(page, profile);
    const times = [];
    for (let i = 0; i < runs; i++) {
      times.push(
        await page.evaluate(() => {
          const t0 = performance.now();
          let sum = 0;
          for (let n = 0; n < 400_000; n++) sum += Math.sqrt(n) * (n & 7);
          const list = [];
          for (let n = 0; n < 20_000; n++) list.push({ n, text: `day-${n % 31}`, on: n % 3 === 0 });
          list.sort((a, b) => (a.text < b.text ? 1 : a.text > b.text ? -1 : a.n - b.n));
          return performance.now() - t0 + (sum > 0 && list.length ? 0 : 1);
        }),
      );
      await sleep(100);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
  } finally {
    await page.close();
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One first visit to `url` in a fresh page: resolves to the navigation-to-interactive time, the
 * page's timeline (page, script and API responses, marks), the long tasks (trace: CPU and wall;
 * PerformanceObserver: wall) before interactive and until `settleMs` after it, and the server's
 * log of requests meanwhile. `interactive` is null when the page was not interactive within `readyMs`.
 */
export async function navigate(browser, site, url, profile, { settleMs = 1500, timeoutMs = 60_000, readyMs = 30_000, zone = 'Europe/Berlin' } = {}) {
  const page = await browser.newPage();
  const errors = [];
  const elsewhere = new Set(); // hosts other than the site's that the page tried to reach
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => /^https?:/.test(r.url()) && !r.url().startsWith(site.url) && elsewhere.add(new URL(r.url()).host));
  try {
    await page.emulateTimezone(zone);
    await emulate(page, profile);
    site.reset();
    const [result, trace] = await traceTasks(
      page,
      async () => {
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
        // null: not interactive within readyMs (a peer that cannot run without its own servers).
        const interactive = await page.evaluate((ms) => Promise.race([window.__bench.interactive, new Promise((r) => setTimeout(() => r(null), ms))]), readyMs);
        await sleep(settleMs);
        const timeline = await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
          return {
            pageEnd: nav.responseEnd,
            resources: performance.getEntriesByType('resource').map((r) => ({ path: new URL(r.name).pathname, initiator: r.initiatorType, start: r.startTime, end: r.responseEnd })),
            evaluated: mark('bench:evaluated'),
            data: mark('rk:data'),
            longtasks: window.__bench.longtasks,
          };
        });
        return { interactive, timeline };
      },
      0,
    );
    const at = trace.marks['bench:interactive'];
    // Each task's start in page time (ms from navigation start), by the interactive mark, so that
    // it can be set against the responses' times (see `longTasksOf`).
    // Tasks after the settle window are the harness's own: the evaluate that reads the timeline
    // and the trace's end cost a task of 50-90 ms at 4x even on the control page, which does nothing.
    const tasks = trace.tasks
      .map((t) => ({ ...t, at: at === undefined || result.interactive === null ? null : result.interactive + (t.ts - at) / 1000 }))
      .filter((t) => t.at === null || t.at < result.interactive + settleMs);
    return {
      ...result,
      requests: [...site.log],
      tasks,
      errors,
      elsewhere: [...elsewhere],
    };
  } finally {
    await page.close();
  }
}

/**
 * The long tasks (over 50 ms of main-thread CPU) of one visit, counted from the moment the
 * widget's script has arrived: tasks before it (the navigation's commit, the page's own HTML and
 * inline scripts) are the page's, which any page pays with or without the widget, and are
 * counted apart as `page`. `toInteractive` are those before the interactive frame.
 */
export function longTasksOf(visit, scriptEnd) {
  const ours = visit.tasks.filter((t) => t.at === null || scriptEnd === null || t.at >= scriptEnd);
  const early = ours.filter((t) => t.at === null || t.at < visit.interactive);
  const cpu = (list) => list.map((t) => t.cpu);
  const long = (list) => cpu(list.filter((t) => t.cpu > 50));
  return {
    toInteractive: long(early),
    settled: long(ours),
    page: long(visit.tasks.filter((t) => !ours.includes(t))),
    maxCpu: Math.max(0, ...cpu(ours)),
    maxCpuToInteractive: Math.max(0, ...cpu(early)),
    wall: visit.timeline.longtasks.map((t) => t.duration),
  };
}
