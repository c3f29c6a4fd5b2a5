/**
 * The browser half of test/apps/run.mjs: serves a built app and books in it as a visitor would,
 * with real clicks and typing (puppeteer-core on the Chromium the browser tests use). Elements are
 * found by role and accessible name (`::-p-aria`), which sees through shadow roots.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** A static server for `dir` on a free port; unknown paths get index.html. */
export function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(Object.assign(server, { url: `http://127.0.0.1:${server.address().port}/` }))));
}

export function openBrowser() {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
}

const lines = (page, log) => page.$$eval(`${log} li`, (items) => items.map((li) => li.textContent.trim()));

async function waitForLine(page, log, pattern) {
  await page
    .waitForFunction((sel, source) => [...document.querySelectorAll(`${sel} li`)].some((li) => new RegExp(source).test(li.textContent.trim())), { timeout: 10_000 }, log, pattern.source)
    .catch(async () => {
      throw new Error(`${log}: no line ${pattern} within 10 s; the handlers logged: ${(await lines(page, log)).join(' | ') || 'nothing'}`);
    });
}

/** Picks the first bookable day and time in the widget `host`, fills Name and Email, books; returns the handlers' log. */
export async function bookIn(page, host, log) {
  await waitForLine(page, log, /^ready /);
  const widget = await page.$(host);
  const first = (selector) =>
    page.waitForFunction(
      (el, sel) => [...el.shadowRoot.querySelectorAll(sel)].find((b) => !b.disabled && b.getAttribute('aria-disabled') !== 'true'),
      { timeout: 10_000 },
      widget,
      selector,
    );
  await (await first('[role=grid] button')).click();
  await (await first('.slots li button')).click();
  await (await widget.waitForSelector('::-p-aria([name="Name"][role="textbox"])')).type('Ada Lovelace');
  await (await widget.waitForSelector('::-p-aria([name="Email"][role="textbox"])')).type('ada@example.com');
  // The apps rename the button through the `strings` property: it must arrive as a property.
  await (await widget.waitForSelector('::-p-aria([name="Book it"][role="button"])')).click();
  await waitForLine(page, log, /^booked /);
  return lines(page, log);
}

/**
 * Opens the popup with its button (named by its label), waits for its calendar (the button passed
 * its `fetch` property on to the widget inside) and closes it with Escape.
 */
export async function openPopup(page, log) {
  await (await page.waitForSelector('::-p-aria([name="Book a call"][role="button"])')).click();
  await waitForLine(page, log, /^open$/);
  await page.waitForFunction(() => document.querySelector('#popup').booking.shadowRoot?.querySelector('[role=grid]'), { timeout: 10_000 });
  await page.keyboard.press('Escape');
  return lines(page, log);
}

/**
 * On the manage page `host` (rendered with the token of the booking just made): Cancel booking,
 * then the confirm button, renamed through the `strings` property; waits for the handlers' log to
 * show `cancelled` and the page to say so. Returns the log.
 */
export async function cancelIn(page, host, log) {
  const manage = await page.waitForSelector(host, { timeout: 10_000 });
  await (await manage.waitForSelector('::-p-aria([name="Cancel booking"][role="button"])', { timeout: 10_000 })).click();
  await (await manage.waitForSelector('::-p-aria([name="Cancel it"][role="button"])')).click();
  await waitForLine(page, log, /^cancelled /);
  await manage.waitForSelector('::-p-aria([name="Your booking is cancelled"][role="heading"])', { timeout: 10_000 });
  return lines(page, log);
}
