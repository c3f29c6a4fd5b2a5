/**
 * Shared by the dev server (`npm start`, the demo) and scripts/build.mjs, which layers the
 * standalone and library builds on top of it.
 */
import { defineConfig, type Plugin } from 'vite';

/**
 * Vite 8 transforms TypeScript with oxc, which only lowers legacy (experimentalDecorators)
 * decorators; ours are standard ones with `accessor`, which no browser parses yet. esbuild lowers
 * them exactly as web-test-runner does, so tests and builds run the same code.
 */
export function standardDecorators(): Plugin {
  return {
    name: 'reservekit:standard-decorators',
    enforce: 'pre',
    async transform(code, id) {
      if (!/\.ts$/.test(id) || id.includes('/node_modules/') || !/^\s*@\w/m.test(code)) return;
      const { transform } = await import('esbuild');
      const out = await transform(code, {
        loader: 'ts',
        target: 'es2022',
        sourcefile: id,
        sourcemap: true,
        // Same class-field semantics as tsconfig.json (Lit's reactive accessors rely on it).
        tsconfigRaw: { compilerOptions: { useDefineForClassFields: false, verbatimModuleSyntax: true } },
      });
      return { code: out.code, map: out.map };
    },
  };
}

export default defineConfig({
  plugins: [standardDecorators()],
  build: { target: 'es2022' },
  // public/ holds mockServiceWorker.js, which msw needs at the root of its scope.
  publicDir: 'public',
});
