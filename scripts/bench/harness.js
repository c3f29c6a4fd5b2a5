/**
 * Runs inside the bench page (scripts/bench/page.html). Seeds the mock API, wraps its `fetch` to
 * count requests and round trips, and exposes `window.bench` for scripts/bench.mjs to drive.
 *
 * Query string: schedule=light|heavy, bundle=<url of the widget script>, mock=<url of the mock
 * bundle>, days=<days-ahead>.
 */
import { service as scheduleService, slots } from './schedules.js';

const params = new URLSearchParams(location.search);
const SCHEDULE = params.get('schedule') ?? 'light';
const BUNDLE = params.get('bundle') ?? '/dist/reservekit-booking.js';
const MOCK = params.get('mock') ?? '/.bench/mock.js';
const DAYS_AHEAD = params.get('days') ?? '365';

const { createMockApi } = await import(MOCK);
const api = createMockApi({ latencyMs: 0 });

const { service } = api.seedService(scheduleService(SCHEDULE));

// ---- request accounting --------------------------------------------------------------------
// depth(r) = 1 + max depth of the requests that had resolved before r started: requests started
// while the previous batch is still in flight share its round trip.
const requests = [];
async function countingFetch(input, init) {
  const settledDepth = requests.reduce((m, r) => (r.end !== undefined ? Math.max(m, r.depth) : m), 0);
  const entry = { url: String(input instanceof Request ? input.url : input), method: init?.method ?? (input instanceof Request ? input.method : 'GET'), start: performance.now(), end: undefined, depth: settledDepth + 1 };
  requests.push(entry);
  try {
    return await api.fetch(input, init);
  } finally {
    entry.end = performance.now();
  }
}
const roundTrips = (list) => list.reduce((m, r) => Math.max(m, r.depth), 0);
const depthBase = () => requests.reduce((m, r) => Math.max(m, r.depth), 0);

// ---- timing helpers ------------------------------------------------------------------------
/** Resolves in a task queued from the next animation frame: after that frame's style, layout and paint. */
const afterPaint = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(0);
    }),
  );
const last = (name) => {
  const list = performance.getEntriesByName(name);
  return list[list.length - 1];
};
const longTasksSince = (t) => (window.__longtasks ? window.__longtasks.filter((e) => e.start >= t) : null);

let el;
const root = () => el.shadowRoot;

window.bench = {
  schedule: SCHEDULE,
  slotCount: slots(SCHEDULE).length,

  /** Adds the element, then the widget's script; resolves once the calendar with data is painted. */
  async start() {
    el = document.createElement('reservekit-booking');
    el.setAttribute('service-id', String(service.id));
    el.setAttribute('days-ahead', DAYS_AHEAD);
    el.fetch = countingFetch; // own property before the upgrade: Lit takes it over
    document.getElementById('host').append(el);
    const ready = new Promise((resolve) => el.addEventListener('rk-ready', resolve, { once: true }));

    const t0 = performance.mark('bench:script-start').startTime;
    const script = document.createElement('script');
    script.type = 'module';
    script.src = BUNDLE;
    const loaded = new Promise((resolve, reject) => ((script.onload = resolve), (script.onerror = () => reject(new Error(`cannot load ${BUNDLE}`)))));
    document.head.append(script);
    await loaded;
    const evaluated = performance.now();
    await ready;
    // The render that first shows the data is the one whose updated() measures rk:startup.
    while (!performance.getEntriesByName('rk:startup').length) await el.updateComplete;
    const updated = performance.now();
    const painted = await afterPaint();
    const data = last('rk:data').startTime;
    const days = root().querySelectorAll('button.day:not([aria-disabled])').length;
    const atInteractive = requests.filter((r) => r.start >= t0);
    // Which phase each long task belongs to: script (download, compile, evaluate, upgrade),
    // waiting for the API, or the render that shows the data.
    const phase = (t) => (t.start < evaluated ? 'script' : t.start + t.duration <= data ? 'loading' : 'render');
    const longTasks = longTasksSince(t0);
    return {
      scriptToEvaluated: evaluated - t0,
      scriptToConnected: last('rk:connected').startTime - t0,
      scriptToData: data - t0,
      scriptToUpdated: updated - t0,
      scriptToPainted: painted - t0,
      startupMeasure: last('rk:startup').duration,
      dataToPaintMeasure: last('rk:data-to-paint').duration,
      dataToPainted: painted - data,
      bookableDays: days,
      requests: atInteractive.length,
      roundTrips: roundTrips(atInteractive),
      requestList: atInteractive.map((r) => `${r.method} ${new URL(r.url).pathname} (trip ${r.depth})`),
      apiSpan: atInteractive.length ? Math.max(...atInteractive.map((r) => r.end ?? r.start)) - Math.min(...atInteractive.map((r) => r.start)) : 0,
      longTasks: longTasks && longTasks.map((t) => ({ ...t, phase: phase(t) })),
      end: painted,
    };
  },

  /** Clicks Next (or Previous) month once; null when that button is disabled. */
  async month(direction = 'next') {
    const buttons = root().querySelectorAll('.month-nav button');
    const button = buttons[direction === 'next' ? 1 : 0];
    if (!button || button.disabled) return null;
    return interact(() => button.click(), 'rk:month-change', () => root().getElementById('rk-month')?.textContent.trim());
  },

  /** Selects the next bookable day of the shown month after the selected one (wrapping round). */
  async day() {
    const days = [...root().querySelectorAll('button.day:not([aria-disabled])')];
    if (!days.length) return null;
    const at = days.findIndex((b) => b.getAttribute('aria-pressed') === 'true');
    const button = days[(at + 1) % days.length];
    if (button.getAttribute('aria-pressed') === 'true') return null; // a single bookable day: no change to make
    return interact(() => button.click(), 'rk:day-select', () => root().querySelectorAll('.slots .slot').length);
  },

  requestCount: () => requests.length,
  requestsSince: (n) => requests.slice(n).map((r) => `${r.method} ${new URL(r.url).pathname}`),
  longTasksSince,
  now: () => performance.now(),
  nextMonthEnabled: () => !root().querySelectorAll('.month-nav button')[1]?.disabled,
  monthTitle: () => root().getElementById('rk-month')?.textContent.trim(),
};

/**
 * One interaction: the click runs the element's handler synchronously (which marks
 * 'rk:interaction'), then we wait for the update, force style + layout, and wait for the paint.
 */
async function interact(click, measureName, describe) {
  const before = requests.length;
  const base = depthBase();
  const count = performance.getEntriesByName(measureName).length;
  click();
  await el.updateComplete;
  // Style and layout of what the update changed, forced now so it is timed without frame alignment.
  void root().querySelector('.rk')?.getBoundingClientRect().height;
  const laidOut = performance.now();
  const painted = await afterPaint();
  const measures = performance.getEntriesByName(measureName);
  if (measures.length === count) throw new Error(`no new ${measureName} measure after the click`);
  const measure = measures[measures.length - 1];
  return {
    update: measure.duration,
    layout: laidOut - measure.startTime,
    painted: painted - measure.startTime,
    requests: requests.length - before,
    roundTrips: requests.length > before ? roundTrips(requests.slice(before)) - base : 0,
    what: describe(),
  };
}
