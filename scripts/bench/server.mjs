/** A static file server for the bench page: repo files over http (module scripts need it), never cached. */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.json': 'application/json', '.map': 'application/json', '.css': 'text/css' };

/** Serves files under `root` (only the listed top-level folders); resolves to { url, close }. */
export function serve(root, folders = ['scripts', '.bench', 'dist']) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(root, path);
    if (!file.startsWith(root + sep) || !folders.includes(path.split(/[/\\]/)[0])) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      // no-store: every startup downloads, parses and compiles the script like a first visit.
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) })),
  );
}
