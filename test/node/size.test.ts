/**
 * The byte report of `npm run build` and `npm run bench` (scripts/bench/size.mjs), on the real
 * dist/reservekit-booking.js and its source map: every byte is credited to exactly one group,
 * and the shares describe what ships (luxon's zone rules only, the required libraries, our code).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = `${root}dist/reservekit-booking.js`;
const noBuild = !existsSync(`${bundle}.map`) && 'dist/reservekit-booking.js.map is missing: run `npm run build` first';

interface Group {
  group: string;
  raw: number;
  gzip: number;
  share: number;
}

test('credits every byte of the bundle to one group, and the gzip shares add up to the file', { skip: noBuild }, async () => {
  const { gzip, shares } = await import(pathToFileURL(`${root}scripts/bench/size.mjs`).href);
  const code = readFileSync(bundle);
  const total = gzip(code);
  const { groups, ours } = shares(root, { bundle, totalGzip: total }) as { groups: Group[]; ours: Group };
  // Line breaks are the only bytes not inside a group's text.
  const newlines = code.toString().split('\n').length - 1;
  assert.equal(groups.reduce((n, g) => n + g.raw, 0) + newlines, code.length);
  assert.ok(Math.abs(groups.reduce((n, g) => n + g.gzip, 0) - total) <= groups.length, 'gzip shares add up to the file');
  const by = new Map(groups.map((g) => [g.group, g]));
  for (const name of ['lit', 'zod', 'luxon', 'ours: booking element', 'ours: translations (de fr es ja ar)', 'ours: booking-button element']) {
    assert.ok(by.get(name)?.raw, `${name} is in the bundle`);
  }
  assert.ok(by.get('luxon')!.gzip < 4096, `luxon is its zone rules only (${by.get('luxon')!.gzip} B gzip)`);
  assert.ok((by.get('bundler glue (unmapped)')?.raw ?? 0) < 2048, 'nearly every byte maps to a source');
  assert.equal(ours.gzip, groups.filter((g) => g.group.startsWith('ours')).reduce((n, g) => n + g.gzip, 0));
});

test("the bundle opens with V8's compile hint, and its source map skips that line", { skip: noBuild }, async () => {
  const code = readFileSync(bundle, 'utf8');
  assert.ok(code.startsWith('//# allFunctionsCalledOnLoad\n'), 'the magic comment is the first line');
  const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { mappings: string };
  assert.ok(map.mappings.startsWith(';'), 'the first line (the comment) maps to nothing');
  const { shares } = await import(pathToFileURL(`${root}scripts/bench/size.mjs`).href);
  const { groups } = shares(root, { bundle, totalGzip: 1 }) as { groups: Group[] };
  assert.ok((groups.find((g) => g.group === 'bundler glue (unmapped)')?.raw ?? 0) < 2048, 'the shifted map still covers the code');
});

test("the network bench's control script has the bundle's bytes and does nothing but say it ran", { skip: noBuild }, async () => {
  const { controlScript } = await import(pathToFileURL(`${root}scripts/bench/pages.mjs`).href);
  const { gzip } = await import(pathToFileURL(`${root}scripts/bench/size.mjs`).href);
  const code = readFileSync(bundle, 'utf8');
  const control = controlScript(code) as string;
  assert.ok(Math.abs(gzip(Buffer.from(control)) - gzip(Buffer.from(code))) < 64, 'same gzip size within 64 B');
  const scope: Record<string, unknown> = {};
  new Function('window', control)(scope);
  assert.deepEqual(scope, { __rkControl: true });
});
