/**
 * A seeded source of uniform numbers in [0, 1): mulberry32, a tiny 32-bit generator good enough for
 * shuffling, splitting and sampling, and the same sequence on every machine because it only uses
 * 32-bit integer arithmetic — so a re-run of a workflow draws the same values.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
