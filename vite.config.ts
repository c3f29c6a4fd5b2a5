/**
 * Shared by the dev server (`npm start`, the demo) and scripts/build.mjs, which layers the
 * standalone and library builds on top of it.
 */
import { defineConfig, type Plugin } from 'vite';

/**
 * Our TypeScript is compiled by esbuild with the project's class-field semantics
 * (`useDefineForClassFields: false`), exactly as web-test-runner does: Lit's reactive accessors
 * live on the prototype, and a [[Define]] class field would shadow them. Vite 8's own transformer
 * (oxc) is left to everything else.
 */
export function projectTypeScript(): Plugin {
  return {
    name: 'reservekit:typescript',
    enforce: 'pre',
    async transform(code, id) {
      if (!/\.ts$/.test(id) || id.includes('/node_modules/')) return;
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
  plugins: [projectTypeScript()],
  build: { target: 'es2022' },
  // public/ holds mockServiceWorker.js, which msw needs at the root of its scope.
  publicDir: 'public',
});
