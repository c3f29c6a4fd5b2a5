#!/usr/bin/env node
/**
 * `npm run screenshots`: serves the demo with vite, opens it in headless Chromium and writes
 * docs/screenshots/*.png. Each shot is a deep link into the demo (?theme=…&locale=…&only=widget…),
 * so what is pictured can be opened by hand too. Offline: the demo runs on the mock API.
 *
 *   CHROME_PATH   Chromium or Chrome binary (default /usr/bin/chromium)
 *   SHOTS         comma-separated names to take only some (e.g. SHOTS=widget-rtl,demo-phone)
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs/screenshots');
const only = process.env.SHOTS?.split(',').map((s) => s.trim()).filter(Boolean);

/**
 * The viewer's timezone is pinned per shot (the browser's zone would vary by machine); the date
 * is the real one, and the first day with at least three open times is picked so slots show.
 */
const SHOTS = [
  { name: 'demo-desktop', query: 'tz=America/New_York', width: 1280, height: 900, scale: 1, full: true, pick: true },
  { name: 'demo-phone', query: 'tz=America/New_York', width: 390, height: 844, scale: 2, full: true, pick: true, mobile: true },
  { name: 'demo-dark', query: 'theme=dark&accent=0f766e&service=yoga&tz=Europe/Berlin', width: 1280, height: 900, scale: 1, full: true, pick: true },
  { name: 'demo-popup', query: 'mode=popup&tz=America/New_York', width: 1280, height: 900, scale: 1, full: false, popup: true },
  { name: 'widget-light', query: 'only=widget&width=760&tz=America/New_York', width: 800, height: 700, scale: 2, widget: true, pick: true },
  { name: 'widget-dark', query: 'only=widget&width=760&theme=dark&tz=Asia/Tokyo', width: 800, height: 700, scale: 2, widget: true, pick: true },
  { name: 'widget-rtl', query: 'only=widget&width=760&locale=ar-EG&tz=Africa/Cairo', width: 800, height: 700, scale: 2, widget: true, pick: true },
  { name: 'widget-list', query: 'only=widget&width=760&service=all&tz=America/New_York', width: 800, height: 700, scale: 2, widget: true, list: true },
  { name: 'widget-narrow', query: 'only=widget&width=320&tz=America/New_York', width: 360, height: 700, scale: 2, widget: true, pick: true, mobile: true },
];

/** Runs in the page: clicks bookable days until one lists at least three open times. */
async function pickDay(hostSelector) {
  const find = () => {
    const host = document.querySelector(hostSelector);
    const direct = host?.localName === 'reservekit-booking' ? host : null;
    return direct ?? host?.shadowRoot?.querySelector('reservekit-booking') ?? null;
  };
  const el = find();
  if (!el?.shadowRoot) return 'no widget';
  const root = el.shadowRoot;
  const days = [...root.querySelectorAll('button[part~="day"]:not([aria-disabled="true"])')];
  const openTimes = async (day) => {
    day.click();
    await el.updateComplete;
    return root.querySelectorAll('button[part~="slot"]:not([aria-disabled="true"])').length;
  };
  let best = { day: null, open: -1 };
  for (const day of days) {
    const open = await openTimes(day);
    if (open >= 3) {
      best = { day: null, open };
      break;
    }
    if (open > best.open) best = { day, open };
  }
  if (best.day) await openTimes(best.day);
  // Leave focus where a visitor's mouse would: nowhere (no focus ring in the picture).
  root.activeElement?.blur?.();
  return 'ok';
}

async function takeShot(browser, base, shot) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console: ${msg.text()}`));
  await page.emulateMediaFeatures([
    { name: 'prefers-color-scheme', value: 'light' },
    { name: 'prefers-reduced-motion', value: 'reduce' },
  ]);
  await page.setViewport({ width: shot.width, height: shot.height, deviceScaleFactor: shot.scale, isMobile: !!shot.mobile, hasTouch: !!shot.mobile });
  await page.goto(`${base}demo/?${shot.query}`, { waitUntil: 'load' });
  // The service list has no service to be ready with: wait for its buttons instead.
  if (shot.list) {
    await page.waitForFunction(() => document.querySelector('#widget-host reservekit-booking')?.shadowRoot?.querySelector('[part~="service-duration"]'), { timeout: 30_000 });
  } else {
    await page.waitForFunction(() => document.documentElement.dataset.ready, { timeout: 30_000 });
  }

  if (shot.popup) {
    // Open the dialog the way a visitor does, then wait for the widget inside to load.
    await page.evaluate(() => {
      const button = document.querySelector('reservekit-booking-button');
      const inner = button?.shadowRoot?.querySelector('[part~="button"]');
      (inner ?? button)?.click();
    });
    await page.waitForFunction(
      () => document.querySelector('reservekit-booking-button')?.shadowRoot?.querySelector('reservekit-booking')?.shadowRoot?.querySelector('[part~="day"]'),
      { timeout: 30_000 },
    );
    const result = await page.evaluate(pickDay, 'reservekit-booking-button');
    if (result !== 'ok') problems.push(`pick: ${result}`);
  } else if (shot.pick) {
    const result = await page.evaluate(pickDay, '#widget-host reservekit-booking');
    if (result !== 'ok') problems.push(`pick: ${result}`);
  }
  // Availability (places left) arrives just after the calendar; let it and any transition settle.
  await new Promise((r) => setTimeout(r, 600));
  // Picking a day moves focus to its times, which may have scrolled the page.
  if (!shot.popup) await page.evaluate(() => window.scrollTo(0, 0));

  const file = path.join(outDir, `${shot.name}.png`);
  if (shot.widget) {
    const host = await page.$('#widget-host');
    await host.screenshot({ path: file });
  } else {
    await page.screenshot({ path: file, fullPage: !!shot.full });
  }
  await page.close();
  return { file, problems };
}

await mkdir(outDir, { recursive: true });
const server = await createServer({
  root,
  logLevel: 'warn',
  clearScreen: false,
  server: { port: 5190, strictPort: false, host: 'localhost', open: false },
});
await server.listen();
const base = server.resolvedUrls?.local[0] ?? 'http://localhost:5190/';

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

let failed = false;
try {
  for (const shot of SHOTS) {
    if (only && !only.includes(shot.name)) continue;
    try {
      const { file, problems } = await takeShot(browser, base, shot);
      console.log(`${problems.length ? '!' : '✓'} ${path.relative(root, file)}`);
      for (const p of problems) console.log(`    ${p}`);
    } catch (error) {
      failed = true;
      console.error(`✗ ${shot.name}: ${error.message}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.exitCode = failed ? 1 : 0;
