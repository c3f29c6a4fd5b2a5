/**
 * What the registry page and a CDN show of the package: licence, links, the CDN entry, and a
 * README whose images, URLs and snippets work away from this repository.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

test('each element has its own entry, and sideEffects keeps every module that registers one', { skip: !built && 'run `npm run build` first' }, () => {
  const entries: Record<string, string> = { '.': 'reservekit-booking', './booking-button': 'reservekit-booking-button', './manage': 'reservekit-booking-manage' };
  for (const [entry, tag] of Object.entries(entries)) {
    const file = pkg.exports[entry].default as string;
    assert.ok(pkg.sideEffects.includes(file), `sideEffects lacks ${file}: a bare import '${pkg.name}${entry.slice(1)}' would not register <${tag}>`);
    assert.ok(existsSync(new URL(pkg.exports[entry].types, root)), `${entry}: no declarations`);
  }
  // `*` stays inside one path segment, as bundlers read these globs.
  const globs = (pkg.sideEffects as string[]).map((g) => new RegExp(`^${g.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`));
  const kept = (file: string) => globs.some((g) => g.test(file));
  const lib = new URL('dist/lib/', root);
  const registering = readdirSync(lib, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js') && readFileSync(new URL(f, lib), 'utf8').includes('customElements.define('))
    .map((f) => `./dist/lib/${f}`);
  assert.deepEqual(registering.map((f) => f.replace(/^.*\//, '')).sort(), ['reservekit-booking-button.js', 'reservekit-booking-manage.js', 'reservekit-booking.js']);
  for (const file of registering) {
    assert.ok(kept(file), `${file} registers an element, and sideEffects does not keep it`);
    assert.ok(kept(file.replace(/^\.\/dist\/lib\/(.*)\.js$/, './src/$1.ts')), `${file}: its source is not kept either`);
  }
  for (const file of (pkg.sideEffects as string[]).filter((f) => !f.includes('*'))) assert.ok(existsSync(new URL(file, root)), `sideEffects names ${file}, which does not exist`);
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
