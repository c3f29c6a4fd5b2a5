/** Small statistics for the bench: median (interpolated), p95 (nearest rank), min-max. */
export function summarize(samples) {
  const xs = samples.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  const n = xs.length;
  if (!n) return { n: 0, median: null, p95: null, min: null, max: null, mean: null };
  const q = (p) => {
    const i = (n - 1) * p;
    const lo = Math.floor(i);
    return xs[lo] + (xs[Math.min(lo + 1, n - 1)] - xs[lo]) * (i - lo);
  };
  const round = (x) => Math.round(x * 100) / 100;
  return {
    n,
    median: round(q(0.5)),
    p95: round(xs[Math.min(n - 1, Math.ceil(0.95 * n) - 1)]),
    min: round(xs[0]),
    max: round(xs[n - 1]),
    mean: round(xs.reduce((a, b) => a + b, 0) / n),
  };
}

export const ms = (x) => (x === null || x === undefined ? 'n/a' : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
