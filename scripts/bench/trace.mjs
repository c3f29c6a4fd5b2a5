/**
 * Long tasks from a Chrome trace, by wall time and by main-thread CPU time. On a busy machine the
 * PerformanceObserver's long tasks (wall time) include time the renderer spent descheduled; the
 * trace's thread duration (`tdur`) does not, so both are reported. Under
 * `Emulation.setCPUThrottlingRate` the thread duration grows with the rate (checked: a loop of
 * 45 ms CPU at 1x reads 177 ms at 4x), so "CPU time at 4x" is what a 4x slower phone would spend.
 */
const CATEGORIES = ['toplevel', 'blink.user_timing', 'disabled-by-default-devtools.timeline'];
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * Runs `fn` while tracing `page`; resolves to [fn's result, { tasks, marks }]: the page main
 * thread's top-level tasks over `minMs` ({ ts, wall, cpu }, ts in trace µs) and the trace time of
 * each user-timing mark.
 */
export async function traceTasks(page, fn, minMs = 16) {
  await page.tracing.start({ categories: CATEGORIES });
  let result;
  try {
    result = await fn();
  } finally {
    var raw = await page.tracing.stop();
  }
  return [result, mainThread(JSON.parse(Buffer.from(raw).toString()).traceEvents, minMs)];
}

/** Runs `fn` while tracing `page`; resolves to [fn's result, top-level main-thread tasks over `minMs`]. */
export async function traced(page, fn, minMs = 16) {
  const [result, { tasks }] = await traceTasks(page, fn, minMs);
  return [result, tasks.map(({ wall, cpu }) => ({ wall, cpu }))];
}

function mainThread(events, minMs) {
  // The page's main thread: where our performance marks were recorded.
  const userMarks = events.filter((e) => e.cat?.includes('blink.user_timing') && /^(rk|bench):/.test(e.name));
  const mark = userMarks[0];
  if (!mark) return { tasks: [], marks: {} };
  const marks = {};
  for (const e of userMarks) if (e.pid === mark.pid && e.tid === mark.tid) marks[e.name] ??= e.ts;
  const tasks = events
    .filter((e) => e.ph === 'X' && TASKS.has(e.name) && e.pid === mark.pid && e.tid === mark.tid)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const top = [];
  for (const t of tasks) if (!top.length || t.ts >= top[top.length - 1].ts + top[top.length - 1].dur) top.push(t); // nested RunTasks: keep the outer
  const round = (x) => Math.round(x * 10) / 10;
  return {
    marks,
    tasks: top
      .map((t) => ({ ts: t.ts, wall: t.dur / 1000, cpu: (t.tdur ?? t.dur) / 1000 }))
      .filter((t) => t.wall > minMs || t.cpu > minMs)
      .map((t) => ({ ts: t.ts, wall: round(t.wall), cpu: round(t.cpu) })),
  };
}
