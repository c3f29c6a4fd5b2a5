import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { writeFileSync, readFileSync } from 'node:fs';
writeFileSync('/work/main/scripts/.exp/entry.js', process.argv[2]);
const treeshake = process.argv[3] ? JSON.parse(process.argv[3]) : undefined;
await build({ configFile: false, root: '/work/main', logLevel: 'error', build: { write: true, outDir: '/tmp/rdout', emptyOutDir: true, minify: true, lib: { entry: '/work/main/scripts/.exp/entry.js', formats: ['es'], fileName: () => 'o.js' }, rolldownOptions: { treeshake } } });
const c = readFileSync('/tmp/rdout/o.js');
console.log(c.length, gzipSync(c, { level: 9 }).length);
