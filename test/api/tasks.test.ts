import { expect } from '@open-wc/testing';
import { nextTask, sliced } from '../../src/api/tasks';

type Scheduler = { postTask(f: () => void, o: { signal?: AbortSignal; priority?: string }): Promise<void> };
const scheduler = (globalThis as unknown as { scheduler: Scheduler }).scheduler;

describe('tasks: yielding to the page', () => {
  it('nextTask still resolves when the page aborts the scheduler task the caller started in', async () => {
    const controller = new AbortController();
    const yielded = new Promise<Promise<void>>((resolve) => {
      scheduler
        .postTask(() => {
          resolve(nextTask());
          controller.abort();
        }, { signal: controller.signal })
        .catch(() => {});
    });
    await (await yielded);
  });

  it('sliced keeps the order, yields between slices, and stops with the reason of an aborted signal', async () => {
    const busy = (n: number) => {
      const until = performance.now() + n;
      while (performance.now() < until);
    };
    expect(await sliced([1, 2, 3], (x) => x * 2)).to.deep.equal([2, 4, 6]);
    expect(await sliced([], () => 1)).to.deep.equal([]);
    const controller = new AbortController();
    let seen = 0;
    const reason = new Error('service changed');
    const run = sliced(Array.from({ length: 100 }), () => (busy(2), ++seen), controller.signal);
    // A click meanwhile (a user-blocking task) gets in between two slices, and aborts.
    scheduler.postTask(() => controller.abort(reason), { priority: 'user-blocking' });
    const error = await run.catch((e) => e);
    expect(error).to.equal(reason);
    expect(seen, 'stopped after a slice or two').to.be.below(100);
  });
});
