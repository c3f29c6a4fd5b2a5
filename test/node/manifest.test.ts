/**
 * The custom elements manifest (built by `npm run build`) is what editors, docs/api.md and
 * framework wrappers read: it must list the public API of SPEC 4, and nothing internal.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Declaration {
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  members?: { name: string; kind: string; privacy?: string }[];
}
const manifest = JSON.parse(readFileSync(new URL('../../dist/custom-elements.json', import.meta.url), 'utf8'));
const elements: Declaration[] = manifest.modules.flatMap((m: { declarations?: Declaration[] }) => m.declarations ?? []).filter((d: Declaration) => d.tagName);
const booking = elements.find((d) => d.tagName === 'reservekit-booking')!;

test('lists the attributes of SPEC 4 and no internal state', () => {
  const attributes = booking.attributes!.map((a) => a.name);
  for (const name of ['service-id', 'api-base', 'api-key', 'timezone', 'locale', 'theme', 'days-ahead', 'min-notice', 'customer-name', 'customer-email', 'customer-phone']) {
    assert.ok(attributes.includes(name), name);
  }
  assert.deepEqual(attributes.filter((a) => a.startsWith('_')), []);
  const publicFields = booking.members!.filter((m) => m.kind === 'field' && m.privacy !== 'private').map((m) => m.name);
  assert.deepEqual(publicFields.filter((m) => m.startsWith('_')), []);
});

test('lists the events, parts and custom properties', () => {
  assert.deepEqual(booking.events!.map((e) => e.name).sort(), ['rk-before-submit', 'rk-booked', 'rk-date-select', 'rk-error', 'rk-ready', 'rk-slot-select']);
  for (const part of ['base', 'calendar', 'day', 'slot', 'form', 'submit', 'alert', 'confirmation']) {
    assert.ok(booking.cssParts!.some((p) => p.name === part), part);
  }
  assert.ok(booking.cssProperties!.some((p) => p.name === '--rk-accent'));
});

test('describes the popup element with the widget attributes it forwards', () => {
  const button = elements.find((d) => d.tagName === 'reservekit-booking-button')!;
  const attributes = button.attributes!.map((a) => a.name);
  assert.ok(attributes.includes('service-id') && attributes.includes('heading'));
  assert.deepEqual(attributes.filter((a) => a.startsWith('_')), []);
});

test('the README carries every attribute, property, event, part and custom property of both elements', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const el of elements) {
    const names = [
      ...(el.attributes ?? []).map((a) => a.name),
      ...(el.members ?? []).filter((m) => m.kind === 'field' && (m.privacy ?? 'public') === 'public' && !(m as { static?: boolean }).static).map((m) => m.name),
      ...(el.events ?? []).map((e) => e.name),
      ...(el.cssParts ?? []).map((p) => p.name),
      ...(el.cssProperties ?? []).map((p) => p.name),
    ];
    assert.ok(names.length > 10, el.tagName);
    for (const name of names) assert.ok(readme.includes(`\`${name}\``), `${el.tagName}: ${name} is missing from README.md`);
  }
});

test('public docs speak for themselves: no references to our spec or issues', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const tables = readme.slice(readme.indexOf('<!-- api:start -->'), readme.indexOf('<!-- api:end -->'));
  const docs = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
  for (const [name, text] of [['manifest', JSON.stringify(manifest)], ['README API tables', tables], ['docs/api.md', docs]]) {
    assert.deepEqual(text.match(/\((SPEC|issue)[^)]*\)/gi) ?? [], [], name);
  }
});
