/**
 * `npm run check-size`: fails when dist/reservekit-booking.js is over the SPEC 7 budget,
 * 45 KB gzip (46 080 bytes), measured as a CDN serves it (gzip level 9). Run after the build.
 * `npm test` runs it with `--ceiling`, a ratchet while the bundle is over budget.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 46_080;
const file = new URL('../dist/reservekit-booking.js', import.meta.url);
let code;
try {
  code = readFileSync(file);
} catch {
  console.error('check-size: dist/reservekit-booking.js is missing; run `npm run build` first.');
  process.exit(1);
}
const gzip = gzipSync(code, { level: 9 }).length;
const verdict = `${gzip} B gzip (${(gzip / 1024).toFixed(1)} KB) of ${BUDGET} B (45 KB)`;
if (gzip <= BUDGET) {
  console.log(`check-size: dist/reservekit-booking.js ${verdict}: ok.`);
  process.exit(0);
}
// `--ceiling N`: the bundle is known to be over budget (see docs/bench.md); until it is back
// under, CI fails only when it grows past N bytes, so no change makes the gap wider unnoticed.
const at = process.argv.indexOf('--ceiling');
const ceiling = at > 0 ? Number(process.argv[at + 1]) : BUDGET;
const over = `dist/reservekit-booking.js is over budget: ${verdict}, ${gzip - BUDGET} B too many`;
if (gzip > ceiling) {
  console.error(`check-size: ${over}${at > 0 ? `, and over the ${ceiling} B ceiling that CI holds it to` : ''}.`);
  process.exit(1);
}
console.warn(`check-size: ${over} (known, tracked in docs/bench.md); within the ${ceiling} B ceiling.`);
