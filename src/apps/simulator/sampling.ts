import type { Random } from '../demo/random.ts';

/** Distributions on top of the demo's seeded generator (mulberry32). */

/** One of the items, with probability proportional to its weight. */
export function weighted<T>(rand: Random, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let u = rand.next() * total;
  for (const [item, w] of items) {
    if (u < w) return item;
    u -= w;
  }
  return items[items.length - 1]![0];
}

/** A standard normal deviate (Box–Muller). */
export function normal(rand: Random): number {
  const u = 1 - rand.next(); // (0, 1]
  const v = rand.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A log-normal draw with the given median and shape, rounded and clamped to [min, max]. */
export function logNormalInt(rand: Random, median: number, sigma: number, min: number, max: number): number {
  const x = Math.exp(Math.log(median) + sigma * normal(rand));
  return Math.min(max, Math.max(min, Math.round(x)));
}

/** An integer in [lo, hi] with probability falling off exponentially (mean about `mean`). */
export function skewedInt(rand: Random, lo: number, hi: number, mean: number): number {
  const x = lo - mean * Math.log(1 - rand.next());
  return Math.min(hi, Math.floor(x));
}
