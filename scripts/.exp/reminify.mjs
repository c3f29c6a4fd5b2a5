import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { transform } from 'esbuild';
const code = readFileSync('dist/reservekit-booking.js', 'utf8');
const gz = (s) => gzipSync(Buffer.from(s), { level: 9 }).length;
console.log('oxc', code.length, gz(code));
const e = await transform(code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
console.log('esbuild', e.code.length, gz(e.code));
for (const passes of [1, 2, 3]) {
  const t = await minify(code, { module: true, ecma: 2022, compress: { passes, unsafe_arrows: true, unsafe_methods: true, unsafe: false, pure_getters: true }, mangle: true, format: { comments: false } });
  console.log('terser', passes, t.code.length, gz(t.code));
}
