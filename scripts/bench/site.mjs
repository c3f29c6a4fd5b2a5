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

/** What the proxy answers for /availability: every (slot, date) of the range, nothing booked; 92 days at most, like the proxy. */
function availability(slots, from, to) {
  const entries = [];
  const end = Math.min(Date.parse(to), Date.parse(from) + 92 * DAY);
  for (let t = Date.parse(from); t <= end; t += DAY) {
    const date = new Date(t).toISOString().slice(0, 10);
    for (const s of slots) if (s.day_of_week === new Date(t).getUTCDay()) entries.push({ time_slot_id: s.id, date, booked: 0, remaining: s.max_bookings });
  }
  return { from, to: new Date(end).toISOString().slice(0, 10), availability: entries };
}

/**
 * Starts the site. `pages` maps a path to a function (context) => HTML, where the context has
 * the seeded service, its slots and `data(path)` (an API answer's `data`, for inline data).
 * Resolves to { url, log, reset, close }: `log` lists { path, bytes } of every response since `reset()`.
 */
export async function startSite(root, { schedule, pages, files = {} }) {
  // The mock API (src/mock), bundled for Node: the same store and rules as the browser tests.
  const mockFile = join(root, '.bench/mock-node.mjs');
  await build({ absWorkingDir: root, entryPoints: ['src/mock/index.ts'], bundle: true, format: 'esm', platform: 'node', packages: 'external', outfile: mockFile, logLevel: 'warning' });
  const { createMockApi } = await import(`${mockFile}?t=${Date.now()}`);

  let origin = '';
  let api;
  let seeded;
  const log = [];
  const cache = new Map(); // static file -> gzip body, compressed once like a CDN's cache

  const send = (req, res, status, type, body, zip = (b) => gzipSync(b, { level: 9 })) => {
    const zipped = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') ? zip(body) : null;
    const out = zipped ?? body;
    log.push({ path: decodeURIComponent(req.url), status, bytes: out.length, raw: body.length, at: performance.now() });
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...(zipped ? { 'content-encoding': 'gzip' } : {}), 'content-length': out.length }).end(out);
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, origin);
      const path = url.pathname;
      if (path.startsWith('/api/')) {
        if (path.endsWith('/availability')) {
          const body = JSON.stringify({ data: availability(seeded.slots, url.searchParams.get('from'), url.searchParams.get('to')) });
          return send(req, res, 200, 'application/json', Buffer.from(body));
        }
        const answer = await api.handle(new Request(url, { method: req.method, headers: { accept: req.headers.accept ?? '*/*' } }));
        return send(req, res, answer.status, answer.headers.get('content-type') ?? 'application/json', Buffer.from(await answer.arrayBuffer()));
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
  api = createMockApi({ apiBase: `${origin}/api`, latencyMs: 0 });
  seeded = api.seedService(scheduleService(schedule));

  const data = async (path) => (await (await api.handle(new Request(`${origin}/api${path}`))).json()).data;
  const context = {
    service: seeded.service,
    slots: seeded.slots,
    // Inline data: what the two GETs answer, as a server-rendered page would embed it.
    initial: { service: await data(`/v1/services/${seeded.service.id}`), time_slots: await data(`/v1/services/${seeded.service.id}/time-slots`) },
  };
  return {
    url: origin,
    context,
    log,
    reset: () => void (log.length = 0),
    close: () => new Promise((resolve) => (server.closeAllConnections?.(), server.close(resolve))),
  };
}
