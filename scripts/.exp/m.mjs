import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const src = process.argv[2];
const r = await build({ stdin: { contents: src, resolveDir: '/work/main/src', loader: 'ts' }, bundle: true, write: false, minify: true, format: 'esm', target: 'es2022', conditions: ['production'], define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error', legalComments: 'none' });
const c = r.outputFiles[0].contents;
console.log(c.length, gzipSync(c, { level: 9 }).length);
