// Tests run in real headless Chromium (Debian's /usr/bin/chromium, or CHROME_PATH).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { downloadsPlugin } from './test/plugins/downloads.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser'] },
  // One page at a time: a background page gets no rendered frames, and dialogs and fixtures wait for them.
  concurrency: 1,
  testsFinishTimeout: 180_000,
  plugins: [a11ySnapshotPlugin(), downloadsPlugin(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  // The msw worker only controls pages inside its scope, so it must be served from the root.
  middleware: [
    function serveMswWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
    // Issue 8: the pages in test/csp/ are served under the strictest policy a site could set.
    function strictCspForTestPages(context, next) {
      if (/^\/test\/csp\/[^/]+\.html$/.test(context.path)) {
        context.set(
          'Content-Security-Policy',
          "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' https://api.reservekit.io; require-trusted-types-for 'script'; trusted-types lit-html",
        );
      }
      return next();
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: 'new',
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Test files run in parallel pages; a page in the background must still get frames and timers.
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 10_000 } },
};
