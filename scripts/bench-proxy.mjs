/**
 * `npm run bench:proxy`: the proxy under load, as a site owner runs it. Not part of `npm test`.
 *
 * One process is the upstream (the mock ReserveKit API behind Node http, with latency); one or
 * three processes are proxy instances (Node http, `trustProxy: 1`) sharing one real
 * redis-server; this process is hundreds of concurrent visitors, each a distinct IP (in
 * X-Forwarded-For) that reads the service, its time slots and availability, then books.
 * The same visits go straight to the upstream too ("direct"), and every figure is given as a
 * ratio to that run.
 *
 * Then the limiter alone: CPU per hit while the store holds 1k to 200k visitors' windows, and
 * the RSS that costs (the memory store is capped at 100k windows).
 *
 *   npm run bench:proxy                    full run (~2 min)
 *   npm run bench:proxy -- --quick         shorter scenarios, for a smoke test
 *   npm run bench:proxy -- --only=limiter  one part only (load | limiter)
 *   npm run bench:proxy -- --json out.json the figures as JSON too
 *   npm run bench:proxy -- --cpu-prof=DIR  V8 CPU profiles of the proxy processes, for DevTools
 */
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const KEY = 'sk_rsv_bench_key';
const DAY = 86_400_000;
const args = process.argv.slice(2);
const QUICK = args.includes('--quick') || process.env.BENCH_QUICK === '1';
const ONLY = args.find((a) => a.startsWith('--only='))?.slice(7);
const CPU_PROF = args.find((a) => a.startsWith('--cpu-prof='))?.slice(11);
/** TTL of every cached read in the proxy during the load runs. */
const TTL_MS = 2000;
const UPSTREAM_LATENCY_MS = 40;
const SCENARIO_MS = QUICK ? 2500 : 6000;
const VISITORS = QUICK ? 100 : 300;
const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/**
 * What each process runs, bundled from src/ as plain JavaScript (dependencies left to
 * node_modules): a proxy process loads only what a site's server loads, with no TypeScript
 * loader and no mock API in its CPU and memory figures.
 */
const BUNDLES = {
  proxy: [
    "export { createBookingProxy } from './src/server/index.ts';",
    "export { createNodeServer } from './src/server/node.ts';",
    "export { redisStore } from './src/server/redis.ts';",
  ],
  upstream: [
    "export { createMockApi } from './src/mock/index.ts';",
    "export { createNodeServer } from './src/server/node.ts';",
    "export { startRedis } from './test/node/redis-server.ts';",
  ],
};
const bundlePath = (name) => join(ROOT, `node_modules/.cache/bench-proxy/${name}.mjs`);
const lib = (name) => import(bundlePath(name));
/** Numbers each scenario: its Redis keys and customers are its own. */
let runId = 0;

const role = args[0];
if (role === 'upstream') await upstreamRole();
else if (role === 'proxy') await proxyRole(args[1], args[2]);
else if (role === 'limiter') await limiterRole(args[1]);
else await main();

// ---- child processes --------------------------------------------------------------------------

/** Reports its CPU (µs, since the last reset), RSS and anything else `extra` adds, over IPC. */
function serveStats(extra = () => ({}), onReset = () => {}) {
  let base = process.cpuUsage();
  process.on('message', (m) => {
    if (m === 'reset') {
      base = process.cpuUsage();
      onReset();
      process.send({ type: 'reset' });
    } else if (m === 'stats') {
      const cpu = process.cpuUsage(base);
      process.send({ type: 'stats', cpuUs: cpu.user + cpu.system, rss: process.memoryUsage().rss, ...extra() });
    } else if (m === 'exit') process.exit(0);
  });
  // The bench died: do not outlive it.
  process.on('disconnect', () => process.exit(0));
}

async function upstreamRole() {
  const { createMockApi, createNodeServer } = await lib('upstream');
  const api = createMockApi({ apiKey: KEY, latencyMs: UPSTREAM_LATENCY_MS });
  // A slot every day, room for everyone, and a history of 450 bookings (5 pages) to count. Each
  // scenario starts from this same history, so one scenario's bookings do not lengthen the
  // next one's walks.
  const seed = () => {
    api.reset();
    const { slots } = api.seedService({
      id: 1,
      name: 'Consultation',
      timezone: 'UTC',
      time_slots: Array.from({ length: 7 }, (_, d) => ({ id: 10 + d, day_of_week: d, start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 1_000_000 })),
    });
    for (let i = 0; i < 450; i++) {
      const date = new Date(Date.now() + (1 + (i % 60)) * DAY);
      api.seedBooking({ date: date.toISOString().slice(0, 10), time_slot_id: slots[date.getUTCDay()].id, customer_name: `Past ${i}`, customer_email: `past${i}@example.com` });
    }
  };
  seed();
  const calls = new Map();
  const server = createNodeServer(async (request) => {
    const url = new URL(request.url);
    // A walk of the booking history starts at page 1; its other pages are counted apart.
    const page = url.pathname === '/v1/bookings' && request.method === 'GET' ? (url.searchParams.get('page') === '1' ? ' (page 1)' : ' (page 2+)') : '';
    const key = `${request.method} ${url.pathname}${page}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
    return api.handle(request);
  });
  server.keepAliveTimeout = 30_000;
  serveStats(
    () => ({ calls: Object.fromEntries(calls) }),
    () => {
      calls.clear();
      seed();
    },
  );
  server.listen(0, '127.0.0.1', () => {
    api.setOptions({ apiBase: `http://127.0.0.1:${server.address().port}` });
    process.send({ type: 'ready', port: server.address().port });
  });
}

async function proxyRole(apiBase, redisUrl) {
  const { createBookingProxy, createNodeServer, redisStore } = await lib('proxy');
  const store = redisUrl === 'memory' ? undefined : redisStore({ url: redisUrl, prefix: `bench${process.env.BENCH_RUN}:` });
  const proxy = createBookingProxy({
    apiKey: KEY,
    apiBase,
    services: [1],
    store,
    slotsTtlMs: TTL_MS,
    availabilityTtlMs: TTL_MS,
    // One visit is four reads and one booking: the defaults (300 reads a minute, 5 bookings
    // in 10 minutes per visitor) are never reached, and every request still pays for the check.
  });
  const server = createNodeServer(proxy, { trustProxy: 1 });
  server.keepAliveTimeout = 30_000;
  serveStats();
  server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }));
}

/**
 * CPU per limiter hit while the store holds `n` visitors' windows: each size is filled with new
 * visitors, then 5 000 more new visitors are timed (a new window is the costly case). A POST
 * with an empty body is counted by the limiter and refused by validation, so no upstream call
 * is in the figure, but the rest of a refused POST is (Request, origin check, JSON parse).
 */
async function limiterRole(redisUrl) {
  const { createBookingProxy, redisStore } = await lib('proxy');
  const store = redisUrl === 'memory' ? undefined : redisStore({ url: redisUrl, prefix: 'benchlimiter:' });
  const proxy = createBookingProxy({
    apiKey: KEY,
    services: [1],
    store,
    fetch: () => Promise.reject(new Error('the limiter bench must not reach the upstream')),
    onError: (e) => console.error(e),
  });
  const origin = 'https://shop.example';
  let visitor = 0;
  const hit = async () => {
    const i = visitor++;
    const response = await proxy(
      new Request(`${origin}/v1/bookings?service_id=1`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: '{}' }),
      { clientIp: `198.${18 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}` },
    );
    if (response.status !== 400) throw new Error(`limiter bench: expected 400, got ${response.status}`);
  };
  const batch = async (count) => {
    // Sixteen at a time: a Redis round trip each would otherwise dominate the wall time.
    for (let done = 0; done < count; ) {
      const k = Math.min(16, count - done);
      await Promise.all(Array.from({ length: k }, hit));
      done += k;
    }
  };
  // The first figure should not pay for the JIT: the same path, warmed on visitors of its own.
  await batch(5000);
  const rows = [];
  let held = 0;
  for (const size of QUICK ? [1000, 10_000, 50_000] : [1000, 10_000, 100_000, 200_000]) {
    await batch(size - held);
    held = size;
    const before = process.cpuUsage();
    await batch(5000);
    held += 5000;
    const cpu = process.cpuUsage(before);
    globalThis.gc?.();
    rows.push({ visitors: size, cpuUsPerHit: (cpu.user + cpu.system) / 5000, rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed });
  }
  await store?.close?.();
  process.send({ type: 'done', rows });
}

// ---- orchestration ----------------------------------------------------------------------------

function child(...roleArgs) {
  const proc = fork(SELF, roleArgs, {
    execArgv: ['--expose-gc', ...(CPU_PROF && roleArgs[0] === 'proxy' ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [])],
    env: { ...process.env, BENCH_RUN: String(runId), BENCH_QUICK: QUICK ? '1' : '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiters = [];
  proc.on('error', () => {});
  proc.on('message', (m) => waiters.shift()?.(m));
  const next = () => new Promise((resolve) => waiters.push(resolve));
  return {
    proc,
    next,
    ask: (m) => {
      const reply = next();
      proc.send(m);
      return reply;
    },
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', resolve);
        // A child that finished on its own (the limiter) may be gone already.
        if (proc.connected) proc.send('exit', () => {});
      }),
  };
}


async function main() {
  const { build } = await import('esbuild');
  for (const [name, lines] of Object.entries(BUNDLES)) {
    await build({
      stdin: { contents: lines.join('\n'), resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      outfile: bundlePath(name),
      logLevel: 'warning',
    });
  }
  const { startRedis } = await lib('upstream');
  const redis = await startRedis();
  const upstream = child('upstream');
  const { port: upstreamPort } = await upstream.next();
  const apiBase = `http://127.0.0.1:${upstreamPort}`;
  const load1 = () => loadavg()[0].toFixed(1);
  console.log(`bench:proxy — upstream latency ${UPSTREAM_LATENCY_MS} ms, read TTL ${TTL_MS} ms, ${SCENARIO_MS / 1000} s per scenario; load average ${load1()}`);

  const scenarios = [
    { name: 'direct (no proxy)', instances: 0, visitors: VISITORS },
    { name: '1 proxy, memory store', instances: 1, store: 'memory', visitors: VISITORS },
    { name: '1 proxy, Redis', instances: 1, store: redis.url, visitors: VISITORS },
    { name: '1 proxy, Redis, ⅓ visitors', instances: 1, store: redis.url, visitors: Math.round(VISITORS / 3) },
    { name: '3 proxies, Redis', instances: 3, store: redis.url, visitors: VISITORS },
  ];
  const results = [];
  try {
    for (const s of ONLY === 'limiter' ? [] : scenarios) {
      runId++;
      const proxies = [];
      for (let i = 0; i < s.instances; i++) proxies.push(child('proxy', apiBase, s.store));
      const ports = await Promise.all(proxies.map((p) => p.next().then((m) => m.port)));
      const targets = s.instances ? ports.map((port) => ({ port, base: '' })) : [{ port: upstreamPort, base: '', direct: true }];
      // Warm-up: connections open, the first cached reads loaded; not counted.
      await load(targets, Math.min(20, s.visitors), 500);
      await Promise.all([upstream, ...proxies].map((c) => c.ask('reset')));
      const run = await load(targets, s.visitors, SCENARIO_MS);
      const [up, ...px] = await Promise.all([upstream, ...proxies].map((c) => c.ask('stats')));
      await Promise.all(proxies.map((p) => p.stop()));
      const c = (k) => up.calls[k] ?? 0;
      const loads = c('GET /v1/services/1') + c('GET /v1/services/1/time-slots') + c('GET /v1/bookings (page 1)');
      const reads = loads + c('GET /v1/bookings (page 2+)');
      const posts = c('POST /v1/bookings');
      const cpuUs = s.instances ? px.reduce((n, p) => n + p.cpuUs, 0) : up.cpuUs;
      results.push({
        ...s,
        store: s.store === 'memory' ? 'memory' : s.store ? 'redis' : undefined,
        requests: run.requests,
        errors: run.errors,
        statuses: run.statuses,
        rps: run.requests / (run.ms / 1000),
        p50: run.p50,
        p99: run.p99,
        upstreamLoadsPerTtl: loads / (run.ms / TTL_MS),
        upstreamReadsPerTtl: reads / (run.ms / TTL_MS),
        upstreamPosts: posts,
        upstreamCalls: up.calls,
        cpuUsPerRequest: cpuUs / run.requests,
        rssMb: (s.instances ? Math.max(...px.map((p) => p.rss)) : up.rss) / 1048576,
      });
      const r = results.at(-1);
      console.log(
        `  ${s.name.padEnd(30)} ${r.rps.toFixed(0).padStart(6)} req/s  p99 ${r.p99.toFixed(1).padStart(6)} ms  upstream loads/TTL ${r.upstreamLoadsPerTtl.toFixed(1).padStart(6)} GETs/TTL ${r.upstreamReadsPerTtl.toFixed(1).padStart(6)}  CPU ${r.cpuUsPerRequest.toFixed(0).padStart(5)} µs/req  RSS ${r.rssMb.toFixed(0)} MB  ${JSON.stringify(r.statuses)}`,
      );
    }

    const limiter = {};
    if (ONLY !== 'load') console.log('limiter: CPU per hit as the store fills with distinct visitors');
    for (const store of ONLY === 'load' ? [] : ['memory', redis.url]) {
      const c = child('limiter', store);
      const { rows } = await c.next();
      await c.stop();
      limiter[store === 'memory' ? 'memory' : 'redis'] = rows;
      for (const row of rows) {
        console.log(
          `  ${(store === 'memory' ? 'memory' : 'redis').padEnd(7)} ${String(row.visitors).padStart(7)} visitors  ${row.cpuUsPerHit.toFixed(1).padStart(6)} µs CPU/hit  RSS ${(row.rss / 1048576).toFixed(0)} MB  heap ${(row.heap / 1048576).toFixed(0)} MB`,
        );
      }
    }
    const report = table(results, limiter);
    console.log(`\nload average at the end: ${load1()}\n\n${report}`);
    const jsonAt = args.indexOf('--json');
    if (jsonAt >= 0) writeFileSync(args[jsonAt + 1], JSON.stringify({ results, limiter }, null, 2));
  } finally {
    await upstream.stop();
    await redis.stop();
  }
}

/**
 * `visitors` concurrent loops for `ms`; each visit is a new visitor (IP) that reads the service,
 * its time slots and four weeks of availability, then books a day in that range. Direct visits
 * read the first page of bookings instead of availability (what a proxy-less page would need).
 */
async function load(targets, visitors, ms) {
  const agents = targets.map(() => new Agent({ keepAlive: true, maxSockets: visitors }));
  const latencies = [];
  const statuses = {};
  let requests = 0;
  let errors = 0;
  let visit = 0;
  const start = performance.now();
  const deadline = start + ms;
  const send = async (t, agent, method, path, ip, body) => {
    const began = performance.now();
    try {
      const status = await call(agent, t.port, method, path, ip, body, t.direct);
      statuses[status] = (statuses[status] ?? 0) + 1;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - began);
    requests++;
  };
  const from = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
  const loop = async () => {
    while (performance.now() < deadline) {
      const v = visit++;
      const i = v % targets.length;
      const t = targets[i];
      const agent = agents[i];
      const ip = `198.${18 + ((v >> 16) & 1)}.${(v >> 8) & 255}.${v & 255}`;
      await send(t, agent, 'GET', '/v1/services/1', ip);
      await send(t, agent, 'GET', '/v1/services/1/time-slots', ip);
      await send(t, agent, 'GET', t.direct ? '/v1/bookings?service_id=1&page=1&page_size=100' : `/v1/services/1/availability?from=${from}&to=${to}`, ip);
      const date = new Date(Date.now() + (3 + (v % 25)) * DAY);
      const booking = { date: date.toISOString().slice(0, 10), time_slot_id: 10 + date.getUTCDay(), customer_name: `Visitor ${runId}-${v}`, customer_email: `v${runId}-${v}@example.com` };
      await send(t, agent, 'POST', '/v1/bookings?service_id=1', ip, JSON.stringify(booking));
    }
  };
  await Promise.all(Array.from({ length: visitors }, loop));
  const elapsed = performance.now() - start;
  agents.forEach((a) => a.destroy());
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? NaN;
  return { requests, errors, statuses, ms: elapsed, p50: q(0.5), p99: q(0.99) };
}

function call(agent, port, method, path, ip, body, direct) {
  return new Promise((resolve, reject) => {
    const headers = { 'X-Forwarded-For': ip };
    if (body) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Origin: `http://127.0.0.1:${port}` });
    if (direct) headers.Authorization = `Bearer ${KEY}`;
    const req = httpRequest({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    req.setTimeout(15_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** The markdown table for docs/bench.md. */
function table(results, limiter) {
  const direct = results.find((r) => !r.instances);
  const x = (v, d) => (d ? `${(v / d).toFixed(2)}×` : '—');
  const lines = !results.length ? [] : [
    `| scenario | visitors | req/s | p99 | upstream loads per TTL | upstream GETs per TTL | CPU per request | RSS per process |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ];
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${r.visitors} | ${r.rps.toFixed(0)} (${x(r.rps, direct.rps)}) | ${r.p99.toFixed(0)} ms (${x(r.p99, direct.p99)}) | ${r.upstreamLoadsPerTtl.toFixed(1)} (${x(r.upstreamLoadsPerTtl, direct.upstreamLoadsPerTtl)}) | ${r.upstreamReadsPerTtl.toFixed(1)} (${x(r.upstreamReadsPerTtl, direct.upstreamReadsPerTtl)}) | ${r.cpuUsPerRequest.toFixed(0)} µs (${x(r.cpuUsPerRequest, direct.cpuUsPerRequest)}) | ${r.rssMb.toFixed(0)} MB (${x(r.rssMb, direct.rssMb)}) |`,
    );
  }
  lines.push('', '| limiter store | windows held (distinct visitors) | CPU per hit | RSS | heap |', '| --- | ---: | ---: | ---: | ---: |');
  for (const [store, rows] of Object.entries(limiter)) {
    for (const row of rows) lines.push(`| ${store} | ${row.visitors.toLocaleString('en')} | ${row.cpuUsPerHit.toFixed(1)} µs | ${(row.rss / 1048576).toFixed(0)} MB | ${(row.heap / 1048576).toFixed(0)} MB |`);
  }
  return lines.join('\n');
}
