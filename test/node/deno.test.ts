/**
 * The same proxy handler on a second runtime: bundled as it is, served by `Deno.serve` (the
 * binary from the npm `deno` package), booking against the mock API behind a real Node http
 * server, so the proxy's upstream calls go over Deno's own fetch.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { createMockApi } from '../../src/mock/index';
import { createNodeServer } from '../../src/server/node';

const KEY = 'sk_rsv_secret';
const root = new URL('../..', import.meta.url).pathname;
const DAY = 86_400_000;
const DATE = new Date(Date.now() + 8 * DAY).toISOString().slice(0, 10);

/**
 * The entry Deno runs: the proxy exactly as a Deno user would write it, `Deno.serve(handler)`,
 * so the client IP comes from Deno's own `remoteAddr`.
 */
const ENTRY = `
import { createBookingProxy } from './src/server/index.ts';
const proxy = createBookingProxy({
  apiKey: Deno.env.get('RESERVEKIT_API_KEY'),
  apiBase: Deno.env.get('UPSTREAM'),
  services: [1],
  rateLimit: { limit: 2 },
});
Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: ({ port }) => console.log('listening ' + port) }, proxy);
`;

/** The binary the npm package ships; found even when npm skipped its install script. */
function denoBinary(): string {
  return createRequire(import.meta.url)('deno/install_api.cjs').runInstall() as string;
}

describe('the proxy on Deno', () => {
  const api = createMockApi({ apiKey: KEY });
  api.seedService({
    id: 1,
    name: 'Consultation',
    timezone: 'UTC',
    time_slots: [{ id: 11, day_of_week: new Date(DATE).getUTCDay(), start_time: '2023-01-01 09:00:00', end_time: '2023-01-01 10:00:00', max_bookings: 5 }],
  });
  let upstream: Server;
  let deno: ChildProcess;
  let dir: string;
  let proxyUrl: string;
  let stderr = '';

  before(async () => {
    upstream = createNodeServer((request) => api.handle(request));
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const apiBase = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    api.setOptions({ apiBase });

    dir = mkdtempSync(join(tmpdir(), 'rkb-deno-'));
    const bundle = join(dir, 'proxy.js');
    await build({
      stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      outfile: bundle,
      logLevel: 'warning',
    });
    writeFileSync(join(dir, 'deno.json'), '{}');
    deno = spawn(denoBinary(), ['run', '--quiet', '--no-prompt', '--allow-net=127.0.0.1', '--allow-env=RESERVEKIT_API_KEY,UPSTREAM', bundle], {
      cwd: dir,
      env: { ...process.env, RESERVEKIT_API_KEY: KEY, UPSTREAM: apiBase, DENO_DIR: join(dir, 'cache'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    deno.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
    const port = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`Deno did not start the proxy: ${stderr}`)), 20_000);
      deno.once('exit', (code) => reject(new Error(`Deno exited (${code}): ${stderr}`)));
      deno.stdout!.on('data', (chunk: Buffer) => {
        out += chunk;
        const m = /listening (\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          deno.removeAllListeners('exit');
          resolve(m[1]!);
        }
      });
    });
    proxyUrl = `http://127.0.0.1:${port}`;
  });

  after(async () => {
    if (deno && deno.exitCode === null) {
      const exited = new Promise((resolve) => deno.once('exit', resolve));
      deno.kill('SIGTERM');
      await exited;
    }
    await new Promise((resolve) => upstream?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const book = (email: string) =>
    fetch(`${proxyUrl}/v1/bookings?service_id=1`, {
      method: 'POST',
      // What the widget on the proxy's own origin sends.
      headers: { 'Content-Type': 'application/json', Origin: proxyUrl },
      body: JSON.stringify({ date: DATE, time_slot_id: 11, customer_name: email.split('@')[0], customer_email: email }),
    });

  test('reads the service and availability through Deno', async () => {
    const service = await fetch(`${proxyUrl}/v1/services/1`);
    assert.equal(service.status, 200);
    const body = await service.text();
    assert.equal(JSON.parse(body).data.name, 'Consultation');
    assert.ok(!body.includes(KEY));
    const availability = await fetch(`${proxyUrl}/v1/services/1/availability?from=${DATE}&to=${DATE}`);
    assert.equal(availability.status, 200);
    assert.deepEqual(
      (await availability.json()).data.availability.map((a: { date: string; time_slot_id: number; remaining: number }) => [a.date, a.time_slot_id, a.remaining]),
      [[DATE, 11, 5]],
    );
  });

  test('books through Deno: the booking reaches the API with the key', async () => {
    const response = await book('jane@example.com');
    assert.equal(response.status, 201, await response.clone().text());
    assert.equal((await response.json()).data.customer.email, 'jane@example.com');
    assert.deepEqual(
      api.store.bookings.map((b) => [b.date, b.time_slot_id]),
      [[DATE, 11]],
    );
    const post = api.requests.find((r) => r.method === 'POST');
    assert.ok(post, 'the API saw the POST');
  });

  test('refuses a cross-site form post and counts the visitor by Deno remoteAddr', async () => {
    const forged = await fetch(`${proxyUrl}/v1/bookings?service_id=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: 'https://evil.example' },
      body: JSON.stringify({ date: DATE, time_slot_id: 11, customer_name: 'Mallory', customer_email: 'm@example.com' }),
    });
    assert.equal(forged.status, 403);
    // The limit is 2 per visitor: Jane's booking above was the first.
    assert.equal((await book('john@example.com')).status, 201);
    const refused = await book('joan@example.com');
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('Retry-After')) > 0);
    assert.equal(api.store.bookings.length, 2);
    // Deno itself may print a notice about its request.signal behaviour; the proxy logged nothing.
    assert.doesNotMatch(stderr, /reservekit-booking|error/i);
  });
});
