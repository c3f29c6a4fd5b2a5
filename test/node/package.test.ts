/**
 * What the registry page and a CDN show of the package: licence, links, the CDN entry, and a
 * README whose images, URLs and snippets work away from this repository.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const readme = readFileSync(new URL('README.md', root), 'utf8');
const REPO = 'https://github.com/reservekit/reservekit-booking';
const built = existsSync(new URL('dist/lib/index.js', root));

test('carries an MIT LICENSE matching package.json, and its links', () => {
  assert.equal(pkg.license, 'MIT');
  assert.match(readFileSync(new URL('LICENSE', root), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} /);
  assert.equal(pkg.repository.url, `git+${REPO}.git`);
  assert.equal(pkg.homepage, `${REPO}#readme`);
  assert.equal(pkg.bugs.url, `${REPO}/issues`);
  assert.ok(pkg.keywords.includes('web-component') && pkg.keywords.includes('booking'));
});

test('points CDNs at the one-file script, and every export at a built file', { skip: !built && 'run `npm run build` first' }, () => {
  assert.equal(pkg.unpkg, './dist/reservekit-booking.js');
  assert.equal(pkg.jsdelivr, pkg.unpkg);
  const targets = Object.values(pkg.exports as Record<string, string | Record<string, string>>).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const target of [pkg.unpkg, pkg.main, pkg.types, ...targets]) assert.ok(existsSync(new URL(target, root)), `${target} is missing`);
});

test('README images are absolute and exist in the repository', () => {
  const images = [...readme.matchAll(/\]\(([^)]+\.png)\)/g)].map((m) => m[1]);
  assert.ok(images.length >= 5, images.join("\n"));
  for (const url of images) {
    const prefix = 'https://raw.githubusercontent.com/reservekit/reservekit-booking/main/';
    assert.ok(url.startsWith(prefix), `${url} is relative: broken on the registry page`);
    assert.ok(existsSync(new URL(url.slice(prefix.length), root)), `${url}: no such file`);
  }
});

test('README script URLs are the real CDN pattern for this name and version', () => {
  assert.ok(!readme.includes('cdn.example'));
  const urls = [...readme.matchAll(/https:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/[^'"\s)`]+/g)].map((m) => m[0]);
  assert.ok(urls.length >= 3, urls.join('\n'));
  for (const url of urls) {
    if (url.includes('<version>')) continue;
    assert.ok(url.endsWith(`/${pkg.name}@${pkg.version}/dist/reservekit-booking.js`), url);
  }
});

test('README HTML snippets have no inline script (the strict CSP it advises forbids them)', () => {
  const html = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
  assert.ok(html.includes('<script'));
  for (const tag of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    assert.match(tag[1], /\bsrc=/, `inline script: ${tag[0]}`);
    assert.equal(tag[2].trim(), '', `inline script: ${tag[0]}`);
  }
  // A snippet that wires up `#talk` shows that element too.
  if (readme.includes("querySelector('#talk')")) assert.match(html, /id="talk"/);
});
