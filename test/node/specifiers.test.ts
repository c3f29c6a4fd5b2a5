/**
 * Relative imports name the file they load (`./x.js`), as Node's own resolution and
 * `moduleResolution: node16` projects reading our .d.ts files need.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const src = new URL('../../src/', import.meta.url).pathname;
// src/server/ is on its way (its few extensionless imports are rewritten in the .d.ts by the build).
const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.startsWith('server/'));

test('relative imports end in .js', () => {
  const bare = files.flatMap((f) =>
    [...readFileSync(join(src, f), 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]*)['"]/g)]
      .map((m) => m[1])
      .filter((spec) => !spec.endsWith('.js'))
      .map((spec) => `${f}: ${spec}`),
  );
  assert.deepEqual(bare, []);
});
