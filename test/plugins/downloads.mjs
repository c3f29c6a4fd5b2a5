// Server commands that let a browser test see a real download (Chrome DevTools Protocol):
// `downloads-arm` starts catching the page's downloads, `downloads-next` waits for the next one
// to finish and answers its suggested file name and text.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function downloadsPlugin() {
  /** One capture per browser session (test file). */
  const captures = new Map();
  return {
    name: 'downloads',
    async executeCommand({ command, payload, session }) {
      if (command === 'downloads-arm') {
        const page = session.browser.getPage(session.id);
        const cdp = await page.browser().target().createCDPSession();
        const dir = await mkdtemp(join(tmpdir(), 'rk-downloads-'));
        const names = new Map();
        const done = [];
        const waiting = [];
        cdp.on('Browser.downloadWillBegin', (e) => names.set(e.guid, e.suggestedFilename));
        cdp.on('Browser.downloadProgress', async (e) => {
          if (e.state !== 'completed' && e.state !== 'canceled') return;
          const result = e.state === 'completed' ? { name: names.get(e.guid), text: await readFile(join(dir, e.guid), 'utf8') } : { canceled: true };
          const next = waiting.shift();
          if (next) next(result);
          else done.push(result);
        });
        await cdp.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: dir, eventsEnabled: true });
        captures.get(session.id)?.close();
        captures.set(session.id, {
          next: () => (done.length ? Promise.resolve(done.shift()) : new Promise((resolve) => waiting.push(resolve))),
          close: async () => {
            await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' }).catch(() => {});
            await cdp.detach().catch(() => {});
            await rm(dir, { recursive: true, force: true });
          },
        });
        return true;
      }
      if (command === 'downloads-next') {
        const capture = captures.get(session.id);
        if (!capture) throw new Error('downloads-next before downloads-arm');
        const timeout = new Promise((resolve) => setTimeout(() => resolve({ timedOut: true }), payload?.timeoutMs ?? 5000));
        return Promise.race([capture.next(), timeout]);
      }
      if (command === 'downloads-disarm') {
        await captures.get(session.id)?.close();
        captures.delete(session.id);
        return true;
      }
    },
  };
}
