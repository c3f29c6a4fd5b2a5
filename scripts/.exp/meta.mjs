import { build } from 'esbuild';
const r = await build({ entryPoints: ['/work/main/src/standalone.ts'], bundle: true, write: false, minify: true, format: 'esm', target: 'es2022', conditions: ['production'], define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error', metafile: true, external: ['./de', './fr', './es', './ja', './ar'] });
for (const [p, i] of Object.entries(Object.values(r.metafile.outputs)[0].inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput)) if (!p.includes('node_modules')) console.log(i.bytesInOutput, p);
