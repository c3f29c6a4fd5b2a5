#!/usr/bin/env node
/**
 * `npm start`: the vite dev server (with the project's vite.config.ts), opened on the demo page.
 * The demo runs on the mock API in a service worker, so it needs no network at all.
 *
 *   PORT=5174 npm start        another port (default 5173; the next free one if it is taken)
 *   BROWSER=none npm start     do not open a browser
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = await createServer({
  root,
  server: { port: Number(process.env.PORT) || 5173, open: '/demo/' },
  plugins: [
    {
      // The site root has no page of its own: send a visitor who drops the path to the demo.
      name: 'reservekit:root-to-demo',
      configureServer(dev) {
        dev.middlewares.use((req, res, next) => {
          if (req.url !== '/' && req.url !== '/index.html') return next();
          res.writeHead(302, { Location: '/demo/' }).end();
        });
      },
    },
  ],
});
await server.listen();

const local = server.resolvedUrls?.local ?? [];
const demo = local.map((url) => new URL('demo/', url).href);
console.log(`\n  ReserveKit booking demo (runs offline on a simulated API)\n`);
const cyan = (text) => (process.stdout.isTTY ? `\x1b[36m${text}\x1b[0m` : text);
for (const url of demo) console.log(`  ➜  Demo:  ${cyan(url)}`);
server.bindCLIShortcuts({ print: true });
