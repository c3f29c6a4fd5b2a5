/**
 * Long tasks from a Chrome trace, by wall time and by main-thread CPU time. On a busy machine the
 * PerformanceObserver's long tasks (wall time) include time the renderer spent descheduled; the
 * trace's thread duration (`tdur`) does not, so both are reported.
 */
const CATEGORIES = ['toplevel', 'blink.user_timing', 'disabled-by-default-devtools.timeline'];
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Runs `fn` while tracing `page`; resolves to [fn's result, top-level main-thread tasks over `minMs`]. */
export async function traced(page, fn, minMs = 16) {
  await page.tracing.start({ categories: CATEGORIES });
  let result;
  try {
    result = await fn();
  } finally {
    var raw = await page.tracing.stop();
  }
  return [result, longTasks(JSON.parse(Buffer.from(raw).toString()).traceEvents, minMs)];
}

function longTasks(events, minMs) {
  // The page's main thread: where our performance marks were recorded.
  const mark = events.find((e) => e.cat?.includes('blink.user_timing') && /^(rk|bench):/.test(e.name));
  if (!mark) return [];
  const tasks = events
    .filter((e) => e.ph === 'X' && TASKS.has(e.name) && e.pid === mark.pid && e.tid === mark.tid)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const top = [];
  for (const t of tasks) if (!top.length || t.ts >= top[top.length - 1].ts + top[top.length - 1].dur) top.push(t); // nested RunTasks: keep the outer
  return top
    .map((t) => ({ wall: t.dur / 1000, cpu: (t.tdur ?? t.dur) / 1000 }))
    .filter((t) => t.wall > minMs || t.cpu > minMs)
    .map((t) => ({ wall: Math.round(t.wall * 10) / 10, cpu: Math.round(t.cpu * 10) / 10 }));
}
