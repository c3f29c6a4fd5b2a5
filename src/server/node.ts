/**
 * Node `http` adapter for the proxy: IncomingMessage -> Request, Response -> ServerResponse.
 * Works with `http.createServer`, Express and Connect:
 * `app.use('/api/booking', toNodeHandler(proxy))` (Express's `originalUrl` keeps the mount path).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { BookingProxyHandler } from './index.js';
import { describe, LOG_PREFIX } from './log.js';

export interface NodeHandlerOptions {
  /**
   * How many reverse proxies (load balancer, CDN) sit in front of this server and append to
   * X-Forwarded-For; `true` means one. Default `false`: the socket address is the visitor, and
   * X-Forwarded-* headers, which anyone can send, are ignored.
   */
  trustProxy?: boolean | number;
  /** Larger bodies get 413 before the proxy reads them; default 65 536. */
  maxBodyBytes?: number;
}

type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

export function toNodeHandler(handler: BookingProxyHandler, options: NodeHandlerOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const hops = options.trustProxy === true ? 1 : Math.max(0, Number(options.trustProxy) || 0);
  const maxBodyBytes = options.maxBodyBytes ?? 65_536;
  return (req, res) => {
    serve(handler, req, res, hops, maxBodyBytes).catch((error) => {
      // A visitor who left mid-request is not a failure of ours; there is nobody to answer.
      if (req.destroyed || res.destroyed || error instanceof ClientGone) return void res.destroy();
      console.error(LOG_PREFIX, describe(error));
      if (!res.headersSent) sendError(res, 500, 'internal_error', 'internal error');
      else res.destroy();
    });
  };
}

/** A plain `http` server around the proxy; call `listen()` on it. */
export function createNodeServer(handler: BookingProxyHandler, options: NodeHandlerOptions = {}): Server {
  return createServer(toNodeHandler(handler, options));
}

/** Methods a web Request cannot carry: answered here, not passed on (and not logged as a fault). */
const UNSUPPORTED = new Set(['CONNECT', 'TRACE', 'TRACK']);

class ClientGone extends Error {
  override readonly name = 'ClientGone';
}

async function serve(handler: BookingProxyHandler, req: NodeRequest, res: ServerResponse, hops: number, maxBodyBytes: number) {
  if (UNSUPPORTED.has(req.method ?? '')) return sendError(res, 405, 'method_not_allowed', 'method not allowed');
  let url: URL;
  try {
    url = new URL(req.originalUrl ?? req.url ?? '/', `${protocol(req, hops)}://${req.headers.host ?? 'localhost'}`);
  } catch {
    return sendError(res, 400, 'bad_request', 'bad request');
  }
  const body = await readBody(req, maxBodyBytes);
  if (body === 'too_large') {
    // The rest of the body is never read, so the connection cannot be reused.
    res.setHeader('Connection', 'close');
    return sendError(res, 413, 'payload_too_large', 'request body too large');
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // HTTP/2 pseudo-headers (":path") are not valid header names for a Request.
    if (value !== undefined && !name.startsWith(':')) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  // Lets the proxy stop work (an availability walk) nobody will read once the visitor has gone.
  const gone = new AbortController();
  res.on('close', () => res.writableFinished || gone.abort(new ClientGone('the visitor closed the connection')));
  // Copied into a plain Uint8Array: Node's Buffer typing is not a BodyInit under the DOM lib.
  const request = new Request(url, { method: req.method, headers, body: body && new Uint8Array(body), signal: gone.signal });
  const response = await handler(request, { clientIp: clientIp(req, hops) });
  if (gone.signal.aborted) return void res.destroy();
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * X-Forwarded-For lists every hop, the visitor first; each trusted proxy appends the address it
 * saw. Counting `hops` from the right skips only the entries our own proxies wrote, so a value
 * the visitor forged at the left end is never taken as their address.
 */
function clientIp(req: IncomingMessage, hops: number): string | undefined {
  const forwarded = hops ? String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean) : [];
  const chain = [...forwarded, req.socket.remoteAddress ?? ''];
  const ip = chain[Math.max(0, chain.length - 1 - hops)] || undefined;
  // Dual-stack sockets report IPv4 visitors as ::ffff:1.2.3.4; one visitor should have one key.
  return ip?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

function protocol(req: IncomingMessage, hops: number): string {
  const forwarded = hops ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim() : '';
  if (forwarded === 'http' || forwarded === 'https') return forwarded;
  return (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
}

async function readBody(req: NodeRequest, max: number): Promise<Buffer | undefined | 'too_large'> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  // A body parser (express.json()) that ran first has drained the stream; what it parsed is all there is.
  if (req.readableEnded && req.body !== undefined) {
    const b = req.body;
    return Buffer.from(typeof b === 'string' || Buffer.isBuffer(b) ? b : JSON.stringify(b));
  }
  if (Number(req.headers['content-length']) > max) return 'too_large';
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (fn: () => void) => {
      req.off('data', onData).off('end', onEnd).off('error', onFail).off('close', onClose);
      fn();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
      // Paused, not destroyed: destroying the request would close the socket before our 413 is sent.
      else settle(() => (req.pause(), resolve('too_large')));
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks)));
    const onFail = (error: Error) => settle(() => reject(error));
    const onClose = () => settle(() => reject(new ClientGone('request closed before its body ended')));
    req.on('data', onData).on('end', onEnd).on('error', onFail).on('close', onClose);
  });
}

function sendError(res: ServerResponse, status: number, code: string, message: string) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify({ error: { code, message } }));
}
