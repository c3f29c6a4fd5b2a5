/**
 * The custom elements manifest (built by `npm run build`) is what editors, docs/api.md and
 * framework wrappers read: it must be valid against the format's schema, list the public API
 * with the events' detail types, and nothing internal.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';

interface Member { name: string; kind: string; privacy?: string; attribute?: string; default?: string; static?: boolean }
interface Declaration {
  tagName?: string;
  attributes?: { name: string; default?: string }[];
  events?: { name: string; type?: { text: string } }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  members?: Member[];
}
const manifest = JSON.parse(readFileSync(new URL('../../dist/custom-elements.json', import.meta.url), 'utf8'));
const elements: Declaration[] = manifest.modules.flatMap((m: { declarations?: Declaration[] }) => m.declarations ?? []).filter((d: Declaration) => d.tagName);
const booking = elements.find((d) => d.tagName === 'reservekit-booking')!;
const button = elements.find((d) => d.tagName === 'reservekit-booking-button')!;
const widgetEvents = ['rk-before-submit', 'rk-booked', 'rk-date-select', 'rk-error', 'rk-ready', 'rk-service-select', 'rk-slot-select'];

test('passes the custom-elements-manifest JSON schema', () => {
  const schema = createRequire(import.meta.url)('custom-elements-manifest/schema.json');
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  assert.ok(validate(manifest), JSON.stringify(validate.errors, null, 2));
});

test('lists the public attributes and no internal state, neither as attribute nor as field', () => {
  const attributes = booking.attributes!.map((a) => a.name);
  for (const name of ['service-id', 'api-base', 'api-key', 'timezone', 'locale', 'theme', 'days-ahead', 'min-notice', 'customer-name', 'customer-email', 'customer-phone']) {
    assert.ok(attributes.includes(name), name);
  }
  for (const el of elements) {
    assert.deepEqual(el.attributes!.filter((a) => a.name.startsWith('_')).map((a) => a.name), [], el.tagName);
    const leaks = el.members!.filter((m) => m.name.startsWith('_') && (m.privacy !== 'private' || m.attribute));
    assert.deepEqual(leaks.map((m) => `${m.name} (${m.privacy}, attribute ${m.attribute})`), [], el.tagName);
  }
});

test('shows the default API URL, not the name of the constant holding it', () => {
  const field = booking.members!.find((m) => m.name === 'apiBase')!;
  assert.equal(field.default, "'https://api.reservekit.io'");
  assert.equal(booking.attributes!.find((a) => a.name === 'api-base')!.default, "'https://api.reservekit.io'");
  assert.ok(!JSON.stringify(manifest).includes('DEFAULT_API_BASE'));
});

test('gives every event its detail type', () => {
  const types = Object.fromEntries(booking.events!.map((e) => [e.name, e.type?.text]));
  assert.deepEqual(Object.keys(types).sort(), widgetEvents);
  assert.equal(types['rk-booked'], 'CustomEvent<BookedDetail>');
  assert.equal(types['rk-slot-select'], 'CustomEvent<OccurrenceDetail>');
  assert.match(types['rk-error']!, /^CustomEvent<(ErrorDetail|\{ code: ReserveKitErrorCode; message: string; .*\})>$/);
  assert.match(types['rk-ready']!, /^CustomEvent<\{ service: Service; slots: TimeSlot\[\] \}>$/);
  for (const el of elements) for (const e of el.events!) assert.match(e.type?.text ?? '', /^CustomEvent<.+>$/, `${el.tagName} ${e.name}`);
});

test('lists the parts and custom properties', () => {
  for (const part of ['base', 'calendar', 'day', 'slot', 'form', 'submit', 'alert', 'confirmation']) {
    assert.ok(booking.cssParts!.some((p) => p.name === part), part);
  }
  assert.ok(booking.cssProperties!.some((p) => p.name === '--rk-accent'));
});

test('describes the manage page: its attributes, events and parts', () => {
  const manage = elements.find((d) => d.tagName === 'reservekit-booking-manage')!;
  const attributes = manage.attributes!.map((a) => a.name);
  for (const name of ['token', 'api-base', 'timezone', 'locale', 'theme']) assert.ok(attributes.includes(name), name);
  assert.deepEqual(attributes.filter((a) => a.startsWith('_')), []);
  assert.deepEqual(manage.events!.map((e) => e.name).sort(), ['rk-cancelled', 'rk-error', 'rk-rescheduled', 'rk-updated']);
  for (const part of ['base', 'summary', 'calendar', 'slot', 'form', 'submit', 'alert', 'confirmation']) assert.ok(manage.cssParts!.some((p) => p.name === part), part);
  assert.ok(manage.cssProperties!.some((p) => p.name === '--rk-accent'));
});

test('describes the popup element with the widget attributes it forwards and the events that bubble out of it', () => {
  const attributes = button.attributes!.map((a) => a.name);
  assert.ok(attributes.includes('service-id') && attributes.includes('heading'));
  const events = button.events!.map((e) => e.name);
  for (const name of ['rk-open', 'rk-close', ...widgetEvents]) assert.ok(events.includes(name), name);
  assert.equal(button.events!.find((e) => e.name === 'rk-booked')!.type?.text, 'CustomEvent<BookedDetail>');
});

test('the README carries every attribute, property, event, part and custom property of every element', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const el of elements) {
    const names = [
      ...(el.attributes ?? []).map((a) => a.name),
      ...(el.members ?? []).filter((m) => m.kind === 'field' && (m.privacy ?? 'public') === 'public' && !m.static).map((m) => m.name),
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
