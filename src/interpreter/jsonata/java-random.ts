/**
 * `java.util.Random(seed).nextDouble()`: AWS's `$random(seed)` draws from it, so a seeded call
 * returns the same number here as on AWS (`$random(42)` is 0.7275636800328681).
 */
const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

export function seededDouble(seed: bigint): number {
  let state = (seed ^ MULTIPLIER) & MASK;
  const next = (bits: bigint): bigint => {
    state = (state * MULTIPLIER + ADDEND) & MASK;
    return state >> (48n - bits);
  };
  const high = next(26n);
  const low = next(27n);
  return Number((high << 27n) + low) * 2 ** -53;
}
