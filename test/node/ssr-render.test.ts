/**
 * Lit SSR, as a server framework runs it on the package npm users get (dist/lib through the
 * exports map): `@lit-labs/ssr` renders each element to declarative shadow DOM (the loading
 * state, in the `locale` asked for), then a page with that HTML hydrates in Chromium
 * (`@lit-labs/ssr-client`): the server's nodes are kept, not re-created, and the element works.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { openBrowser, serve } from '../apps/browser.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const noBuild = !existsSync(join(root, 'dist/lib/index.js')) && 'dist/lib is missing: run `npm run build` first';

/** The package by its name (a self-reference through its exports map, `node` condition). */
const pkg = (path = ''): Promise<Record<string, any>> => import(`reservekit-booking${path}`);

async function renderToString(markup: string): Promise<string> {
  const [{ render }, { collectResult }, { html }] = await Promise.all([
    import('@lit-labs/ssr'),
    import('@lit-labs/ssr/lib/render-result.js'),
    import('lit'),
  ]);
  // The template is static markup from this test; `unsafeStatic` would need lit/static-html.js.
  const strings = Object.assign([markup], { raw: [markup] }) as unknown as TemplateStringsArray;
  return collectResult(render(html(strings)));
}

/** What the visitor's browser parses before any script: the text inside the declarative shadow roots. */
const shadowText = (ssr: string) => ssr.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('Lit SSR', { skip: noBuild }, () => {
  test('renders <reservekit-booking> to a declarative shadow root with the loading state in its locale', async () => {
    const { loadLocale } = await pkg();
    await loadLocale('de');
    const ssr = await renderToString('<reservekit-booking service-id="1" locale="de"></reservekit-booking>');
    assert.match(ssr, /<reservekit-booking [^>]*service-id="1"[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.match(ssr, /role="status"/);
    assert.match(shadowText(ssr), /Verfügbare Zeiten werden geladen…/);
    assert.match(ssr, /lang="de"/);
  });

  test('both pages are written in their language\'s direction on the server: right to left for Arabic', async () => {
    const { loadLocale } = await pkg();
    await pkg('/manage');
    await loadLocale('ar');
    for (const tag of ['reservekit-booking service-id="1"', 'reservekit-booking-manage token="t0k3n"']) {
      assert.match(await renderToString(`<${tag} locale="ar"></${tag.split(' ')[0]}>`), /class="rk[^"]*" dir="rtl" lang="ar"/, tag);
      assert.match(await renderToString(`<${tag} locale="de"></${tag.split(' ')[0]}>`), /class="rk[^"]*" dir="ltr" lang="de"/, tag);
    }
  });

  test('renders <reservekit-booking> in English when no locale is set', async () => {
    const ssr = await renderToString('<reservekit-booking service-id="1"></reservekit-booking>');
    assert.match(shadowText(ssr), /Loading available times…/);
  });

  test('renders <reservekit-booking-button> with its button', async () => {
    await pkg('/booking-button');
    const ssr = await renderToString('<reservekit-booking-button service-id="1" locale="de">Termin buchen</reservekit-booking-button>');
    assert.match(ssr, /<reservekit-booking-button [^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.match(ssr, /<button part="button"[^>]*aria-haspopup="dialog"/);
    assert.match(ssr, /Termin buchen<\/reservekit-booking-button>/);
  });

  test('renders <reservekit-booking-manage> with the loading line in its locale, and asks nothing of the network', async () => {
    await pkg('/manage');
    const fetched: unknown[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (...args) => (fetched.push(args[0]), realFetch(...args));
    try {
      const ssr = await renderToString('<reservekit-booking-manage token="t0k3n" locale="de"></reservekit-booking-manage>');
      assert.match(ssr, /<reservekit-booking-manage [^>]*token="t0k3n"[^>]*><template shadowroot="open" shadowrootmode="open">/);
      assert.match(ssr, /lang="de"/);
      assert.match(ssr, /role="status"/);
      assert.match(shadowText(ssr), /^Ihre Buchung Ihre Buchung wird geladen…$/);
    } finally {
      globalThis.fetch = realFetch;
    }
    assert.deepEqual(fetched, []);
  });
});

describe('hydration in the browser', { skip: noBuild }, () => {
  let app = '';
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serve>> | undefined;

  before(async () => {
    if (noBuild) return;
    app = mkdtempSync(join(tmpdir(), 'rk-ssr-'));
    mkdirSync(join(app, 'node_modules/@lit-labs'), { recursive: true });
    symlinkSync(root, join(app, 'node_modules/reservekit-booking'), 'dir');
    symlinkSync(join(root, 'node_modules/@lit-labs/ssr-client'), join(app, 'node_modules/@lit-labs/ssr-client'), 'dir');
    // The page's script: hydration support first (before any element is defined), then the mock
    // API handed to the server-rendered elements as a property, then the elements.
    writeFileSync(
      join(app, 'client.js'),
      `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { createMockApi, seedConsultation } from 'reservekit-booking/mock';
const api = createMockApi({ latencyMs: 400, manage: { secret: 'the manage secret of the SSR page, 32+ bytes' } });
seedConsultation(api, { id: 1 });
// The inline widget's answers wait until the test has checked the hydrated nodes (releaseApi()):
// on a busy machine a fixed latency could let the data replace them first.
const held = new Promise((resolve) => (window.releaseApi = resolve));
document.getElementById('inline').fetch = (...args) => held.then(() => api.fetch(...args));
document.getElementById('manage').fetch = api.fetch;
window.mockFetch = api.fetch;
await import('reservekit-booking/booking-button');
await import('reservekit-booking/manage');
window.hydrated = true;
`,
    );
    await build({ entryPoints: [join(app, 'client.js')], bundle: true, format: 'esm', outfile: join(app, 'www/client.js'), absWorkingDir: app, logLevel: 'silent', platform: 'browser', splitting: false });
    const { loadLocale } = await pkg();
    await loadLocale('de');
    await pkg('/booking-button');
    await pkg('/manage');
    const body = await renderToString(
      '<reservekit-booking id="inline" service-id="1" locale="de" timezone="Europe/Berlin"></reservekit-booking><reservekit-booking-button id="popup" service-id="1" locale="de">Termin buchen</reservekit-booking-button>' +
        // A link whose token the proxy (the mock standing in for it) refuses, like a tampered one.
        '<reservekit-booking-manage id="manage" token="tampered" api-base="https://api.reservekit.io" locale="de"></reservekit-booking-manage>',
    );
    // A classic script right after the markup runs before the module: it sees only what the server sent.
    const probe = `<script>
      const el = document.getElementById('inline');
      window.beforeScript = { text: el.shadowRoot && el.shadowRoot.textContent.replace(/\\s+/g, ' ').trim(), upgraded: !!customElements.get('reservekit-booking') };
      window.serverStatus = el.shadowRoot && el.shadowRoot.querySelector('[role=status]');
      const manage = document.getElementById('manage').shadowRoot;
      window.manageBefore = manage && manage.textContent.replace(/\\s+/g, ' ').trim();
    </script>`;
    writeFileSync(join(app, 'www/index.html'), `<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>SSR</title></head><body>${body}${probe}<script type="module" src="/client.js"></script></body></html>`);
    server = await serve(join(app, 'www'));
    browser = await openBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.close();
    if (app) rmSync(app, { recursive: true, force: true });
  });

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push((e as Error).message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(server!.url);
    await page.waitForFunction(() => (window as unknown as { hydrated?: boolean }).hydrated, { timeout: 10_000 });
    return { page, errors };
  }

  test('the page shows the loading state before any script, then hydrates the same nodes and loads', async () => {
    const { page, errors } = await open();
    try {
      const before = await page.evaluate(() => (window as unknown as { beforeScript: { text: string; upgraded: boolean } }).beforeScript);
      assert.equal(before.upgraded, false);
      assert.match(before.text, /Verfügbare Zeiten werden geladen…/);
      // The API's answers are held: after hydration the status node the server sent must still be the one shown.
      const kept = await page.evaluate(async () => {
        const el = document.getElementById('inline') as HTMLElement & { updateComplete: Promise<unknown> };
        await el.updateComplete;
        await new Promise((resolve) => setTimeout(resolve, 100));
        await el.updateComplete;
        return el.shadowRoot!.querySelector('[role=status]') === (window as unknown as { serverStatus: Element }).serverStatus;
      });
      assert.ok(kept, 'hydration re-created the server-rendered nodes instead of adopting them');
      await page.evaluate(() => (window as unknown as { releaseApi: () => void }).releaseApi());
      await page.waitForFunction(() => document.getElementById('inline')!.shadowRoot!.querySelector('[role=grid]'), { timeout: 10_000 });
      const month = await page.evaluate(() => document.getElementById('inline')!.shadowRoot!.querySelector('[role=grid]')!.closest('[part=calendar]')?.textContent ?? '');
      assert.match(month, /(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)/, 'the calendar is not in German');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('the server-rendered manage page shows its loading line before any script, then hydrates and asks the proxy', async () => {
    const { page, errors } = await open();
    try {
      assert.match(await page.evaluate(() => (window as unknown as { manageBefore: string }).manageBefore), /Ihre Buchung wird geladen…/);
      await page.waitForFunction(() => document.getElementById('manage')!.shadowRoot!.querySelector('[role=alert]'), { timeout: 10_000 });
      const alert = await page.evaluate(() => document.getElementById('manage')!.shadowRoot!.querySelector('[role=alert]')!.textContent!.replace(/\s+/g, ' ').trim());
      assert.match(alert, /Dieser Link ist abgelaufen oder ungültig/);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('the server-rendered popup button opens its dialog after hydration', async () => {
    const { page, errors } = await open();
    try {
      await page.evaluate(() => {
        const button = document.getElementById('popup') as HTMLElement & { booking: { fetch: unknown } };
        button.booking.fetch = (window as unknown as { mockFetch: unknown }).mockFetch;
      });
      await (await page.waitForSelector('::-p-aria([name="Termin buchen"][role="button"])'))!.click();
      await page.waitForFunction(() => document.getElementById('popup')!.shadowRoot!.querySelector('dialog')?.open, { timeout: 5000 });
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
