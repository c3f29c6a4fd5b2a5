/**
 * The embed snippet's inline script (Node only: it bundles with esbuild): ICU's first use in
 * pieces (src/components/shared/intl-warmup.ts, the very steps the element runs), one per task,
 * while the element's script is still downloading. The steps cost the page nothing once ICU is
 * warm, so the element's own run of them afterwards is nearly free.
 *
 * A page whose Content-Security-Policy forbids inline scripts allows this one by its hash, which
 * the build prints: `script-src 'sha256-…'`. Leaving the script out costs startup time, nothing else.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

let built;
/** `{ code, hash }`: the minified script (what goes between `<script>` and `</script>`) and its CSP hash source. */
export function intlWarmUp() {
  if (built) return built;
  const contents = `import { intlSteps, pageLang } from './src/components/shared/intl-warmup.ts';
const steps = intlSteps(pageLang());
let i = 0;
const step = () => {
  try { steps[i](); } catch {}
  if (++i < steps.length) setTimeout(step);
};
setTimeout(step);`;
  const out = buildSync({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, minify: true, format: 'iife', target: 'es2020', write: false, logLevel: 'warning' });
  const code = out.outputFiles[0].text.trim();
  return (built = { code, hash: `'sha256-${createHash('sha256').update(code).digest('base64')}'` });
}
