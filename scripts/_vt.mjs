import { build } from 'vite';
const out = await build({ configFile: false, root: process.cwd(), logLevel: 'warn',
  define: { 'process.env.NODE_ENV': '"production"' },
  build: { write: false, minify: false, target: 'es2022', lib: { entry: 'src/components/booking/reservekit-booking.ts', formats: ['es'], fileName: 'x' } } });
const chunk = out[0].output[0];
console.log(chunk.code.length, /@property|accessor /.test(chunk.code));
const i = chunk.code.indexOf('ReserveKitBooking'); console.log(chunk.code.slice(i, i+800));
for (const m of chunk.code.matchAll(/.{0,120}(accessor |@property|__decorate|__decorateElement|_decorators).{0,120}/g)) console.log('>>', m[0]);
