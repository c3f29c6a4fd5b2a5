const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;

const timeout = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * Resolves in a task of its own, so the page can paint and answer input in between:
 * `scheduler.yield()` where the browser has it, else a timeout (which browsers hold back by 4 ms
 * once timeouts nest five deep: a chain of twenty would idle for 80 ms). A yield inherits the
 * signal of a `scheduler.postTask` the element was started from: when the page aborts that task,
 * the timeout takes over, so the element's startup still carries on.
 */
export const nextTask = (): Promise<void> => (scheduler?.yield ? scheduler.yield().catch(timeout) : timeout());

/** Milliseconds of work per task in `sliced`: a few, so even a 4x slower phone never holds the page for 50 ms. */
const SLICE_MS = 8;

/**
 * `fn` applied to each item of `list`, in order, a few milliseconds per task: a heavy schedule's
 * 350 slots are checked in several short tasks instead of one long one. Rejects with the
 * signal's reason once it is aborted.
 */
export async function sliced<T, R>(list: readonly T[], fn: (item: T, index: number) => R, signal?: AbortSignal): Promise<R[]> {
  const out: R[] = [];
  let since = performance.now();
  for (let i = 0; i < list.length; i++) {
    if (performance.now() - since > SLICE_MS) {
      await nextTask();
      signal?.throwIfAborted();
      since = performance.now();
    }
    out.push(fn(list[i]!, i));
  }
  return out;
}
