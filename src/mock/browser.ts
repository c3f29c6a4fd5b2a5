/** Runs a mock API in a service worker, so the page's own `fetch` reaches it. Browser only. */
import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import type { MockApi } from './index.js';

export interface StartMockWorkerOptions {
  /** Where the msw worker script is served; default '/mockServiceWorker.js'. */
  url?: string;
  /** Default true: msw's per-request console logging drowns test output. */
  quiet?: boolean;
  /** Default 'bypass': the page's own assets go through the same worker. */
  onUnhandledRequest?: 'bypass' | 'warn' | 'error';
}

export async function startMockWorker(api: MockApi, options: StartMockWorkerOptions = {}): Promise<SetupWorker> {
  const worker = setupWorker(...api.handlers);
  await worker.start({
    serviceWorker: { url: options.url ?? '/mockServiceWorker.js' },
    quiet: options.quiet ?? true,
    onUnhandledRequest: options.onUnhandledRequest ?? 'bypass',
  });
  return worker;
}
