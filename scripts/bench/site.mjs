/**
 * The network bench's web site: one origin that serves the pages, the widget's script and the API,
 * the way a site with the widget's proxy would (`api-base="/api"`). Everything goes over real HTTP
 * so that Chrome's network emulation applies to it; bodies are gzip -9 like a CDN's, and every
 * response is `no-store`, so each navigation is a first visit. The server counts the requests
 * and body bytes of each path, which is how the bench sees duplicate requests and the bytes the
 * floor is computed from.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { service as scheduleService } from './schedules.js';

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html; charset=utf-8', '.json': 'application/json' };
const DAY = 86_400_000;

/** Other services for the service list (no `service-id`): a short list, each with the light schedule. */
const OTHERS = ['Follow-up call', 'Document review', 'Group workshop'];
/** Signs the manage page's token, as the proxy does; at least 32 bytes. */
const MANAGE_SECRET = 'bench-manage-secret-0123456789abcdef';

/**
 * Starts the site. `pages` maps a path to a function (context) => HTML, where the context has
 * the seeded service, its slots, the inline data (the two startup answers) and a manage token for
 * a booking of that service.
 * Resolves to { url, log, reset, close }: `log` lists { path, bytes } of every response since `reset()`.
 */
export async function startSite(root, { schedule, pages, files = {} }) {
  // The mock API (src/mock) standing in for the proxy (availability counts, manage routes), and
  // the proxy's token signer, bundled for Node: the same store and rules as the browser tests.
  const mockFile = join(root, '.bench/mock-node.mjs');
  await build({
    absWorkingDir: root,
    stdin: { contents: `export { createMockApi } from './src/mock/index.ts'; export { createManageTokens } from './src/server/manage-token.ts';`, resolveDir: root, loader: 'ts' },
    bundle: true, format: 'esm', platform: 'node', packages: 'external', outfile: mockFile, logLevel: 'warning',
  });
  const { createMockApi, createManageTokens } = await import(`${mockFile}?t=${Date.now()}`);

  let origin = '';
  let api;
  let seeded;
  const log = [];
  const cache = new Map(); // static file -> gzip body, compressed once like a CDN's cache

  const send = (req, res, status, type, body, zip = (b) => gzipSync(b, { level: 9 }), headers = {}) => {
    const zipped = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') ? zip(body) : null;
    const out = zipped ?? body;
    log.push({ path: decodeURIComponent(req.url), status, bytes: out.length, raw: body.length, at: performance.now() });
    res.writeHead(status, { ...headers, 'content-type': type, 'cache-control': 'no-store', ...(zipped ? { 'content-encoding': 'gzip' } : {}), 'content-length': out.length }).end(out);
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, origin);
      const path = url.pathname;
      if (path.startsWith('/api/')) {
        const answer = await api.handle(new Request(url, { method: req.method, headers: { accept: req.headers.accept ?? '*/*' } }));
        // The proxy's header says it serves availability, so the widget asks for places left.
        const proxy = answer.headers.get('x-reservekit-proxy');
        const type = answer.headers.get('content-type') ?? 'application/json';
        return send(req, res, answer.status, type, Buffer.from(await answer.arrayBuffer()), undefined, proxy ? { 'x-reservekit-proxy': proxy } : {});
      }
      if (pages[path]) return send(req, res, 200, TYPES['.html'], Buffer.from(pages[path](context, url.searchParams)));
      const file = files[path];
      if (!file) {
        log.push({ path, status: 404, bytes: 0, raw: 0, at: performance.now() });
        return res.writeHead(404).end();
      }
      if (!cache.has(file)) {
        const raw = readFileSync(file);
        cache.set(file, { raw, zipped: gzipSync(raw, { level: 9 }) });
      }
      const { raw, zipped } = cache.get(file);
      return send(req, res, 200, TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream', raw, () => zipped);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  api = createMockApi({ apiBase: `${origin}/api`, latencyMs: 0, availability: true, manage: { secret: MANAGE_SECRET } });
  seeded = api.seedService(scheduleService(schedule));
  for (const name of OTHERS) api.seedService({ ...scheduleService('light'), name });
  // A booking a week ahead on the first slot's weekday, for the manage page.
  const slot = seeded.slots[0];
  let day = Date.now() + 7 * DAY;
  while (new Date(day).getUTCDay() !== slot.day_of_week) day += DAY;
  const booking = api.seedBooking({ time_slot_id: slot.id, date: new Date(day).toISOString().slice(0, 10), customer_name: 'Ada Lovelace', customer_email: 'ada@example.com' });
  const manageToken = await createManageTokens(MANAGE_SECRET).sign(booking.id, day + 30 * DAY);

  const data = async (path) => (await (await api.handle(new Request(`${origin}/api${path}`))).json()).data;
  const context = {
    service: seeded.service,
    slots: seeded.slots,
    // Inline data: what the two GETs answer, as a server-rendered page would embed it.
    initial: { service: await data(`/v1/services/${seeded.service.id}`), time_slots: await data(`/v1/services/${seeded.service.id}/time-slots`) },
    manageToken,
  };
  return {
    url: origin,
    context,
    log,
    reset: () => void (log.length = 0),
    close: () => new Promise((resolve) => (server.closeAllConnections?.(), server.close(resolve))),
  };
}
