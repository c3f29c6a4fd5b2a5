/**
 * `npm run check-size` (and the last step of `npm test`): fails when dist/reservekit-booking.js
 * is over the SPEC 7 budget, 45 KB gzip (46 080 bytes), measured as a CDN serves it (gzip
 * level 9). Run after the build.
 */
import { readFileSync } from 'node:fs';
import { BUDGET, gzip as gzipSize } from './bench/size.mjs';

const file = new URL('../dist/reservekit-booking.js', import.meta.url);
let code;
try {
  code = readFileSync(file);
} catch {
  console.error('check-size: dist/reservekit-booking.js is missing; run `npm run build` first.');
  process.exit(1);
}
const gzip = gzipSize(code);
const verdict = `${gzip} B gzip (${(gzip / 1024).toFixed(1)} KB) of ${BUDGET} B (45 KB)`;
if (gzip > BUDGET) {
  console.error(`check-size: dist/reservekit-booking.js is over budget: ${verdict}, ${gzip - BUDGET} B too many.`);
  process.exit(1);
}
console.log(`check-size: dist/reservekit-booking.js ${verdict}: ok, ${BUDGET - gzip} B to spare.`);
