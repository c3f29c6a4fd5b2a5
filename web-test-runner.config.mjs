// Tests run in real headless Chromium (Debian's /usr/bin/chromium, or CHROME_PATH).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { downloadsPlugin } from './test/plugins/downloads.mjs';
import { intlWarmUp } from './scripts/intl-warmup-snippet.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' https://api.reservekit.io; require-trusted-types-for 'script'; trusted-types lit-html";

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
      if (/^\/test\/csp\/[^/]+\.html$/.test(context.path)) context.set('Content-Security-Policy', STRICT_CSP);
      return next();
    },
    // The page of csp.html with the embed snippet's ICU warm-up script inline, its hash in the
    // policy as docs/startup.md says (`?hash=none`: a policy without it).
    function warmUpPage(context, next) {
      if (context.path !== '/test/csp-warmup.html') return next();
      const { code, hash } = intlWarmUp();
      const scriptSrc = context.query.hash === 'none' ? "script-src 'self'" : `script-src 'self' ${hash}`;
      context.set('Content-Security-Policy', STRICT_CSP.replace("script-src 'self'", scriptSrc));
      context.type = 'html';
      context.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ICU warm-up under a strict CSP</title>
<script src="/test/dist/probe.js"></script>
<script>${code}</script>
<script type="module" src="/test/dist/frame-mock.ts"></script>
<script type="module" src="/dist/reservekit-booking.js"></script>
</head><body></body></html>`;
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
