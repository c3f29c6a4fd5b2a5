/**
 * Every English string is shown somewhere: a key no component reads is a sentence translators
 * keep paying for and visitors never see (or, worse, a formatting a locale asked for and never got).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { en } from '../../src/i18n/strings';
import { FIELDS } from '../../src/components/booking/form-data';

const components = new URL('../../src/components/', import.meta.url).pathname;
const source = readdirSync(components, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(components, f), 'utf8'))
  .join('\n');

test('every English key is used by a component', () => {
  // Read as `t.key`, as a plural family `plural(t, 'key', …)`, or as a form field's label `t[name]`.
  const bases = [...new Set(Object.keys(en).map((k) => k.replace(/_(one|other)$/, '')))];
  const used = (k: string) => new RegExp(`\\bt\\.${k}\\b|\\(t, '${k}'`).test(source) || ((FIELDS as readonly string[]).includes(k) && /\bt\[name\]/.test(source));
  const unused = bases.filter((k) => !used(k));
  assert.deepEqual(unused, []);
});
