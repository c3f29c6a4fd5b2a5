/**
 * Translations list their sentences in `en`'s key order without the keys; the comment closing
 * each line names the key it stands for. A line added, dropped or swapped in one language would
 * put every later sentence under the wrong key, so the comments must name `en`'s keys, in order.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { en } from '../../src/i18n/strings';

for (const tag of ['de', 'fr', 'es', 'ja', 'ar']) {
  test(`${tag}: one sentence per key of en, in en's order`, async () => {
    const source = readFileSync(new URL(`../../src/i18n/${tag}.ts`, import.meta.url), 'utf8');
    const named = [...source.matchAll(/^ {2}(['"]).*\1, \/\/ (\w+)$/gm)].map((m) => m[2]);
    assert.deepEqual(named, Object.keys(en));
    const { translation } = (await import(`../../src/i18n/${tag}.ts`)) as { translation: readonly unknown[] };
    assert.equal(translation.filter((line) => typeof line === 'string').length, named.length, 'every sentence line names its key');
  });
}
