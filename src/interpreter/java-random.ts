/**
 * java.util.Random's linear congruential generator. AWS runs Step Functions on Java, so a seeded
 * `States.MathRandom` (Random.nextInt) and a seeded JSONata `$random` (Random.nextDouble) return the
 * same numbers here as on AWS (`$random(42)` is 0.7275636800328681).
 */
export class JavaRandom {
  private static readonly MULTIPLIER = 0x5deece66dn;
  private static readonly MASK = (1n << 48n) - 1n;
  private seed: bigint;

  constructor(seed: number | bigint) {
    const value = typeof seed === 'bigint' ? seed : BigInt(Math.trunc(seed));
    this.seed = (BigInt.asIntN(64, value) ^ JavaRandom.MULTIPLIER) & JavaRandom.MASK;
  }

  /** Random.nextInt(bound): uniform in [0, bound). */
  nextInt(bound: number): number {
    if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(this.next(31))) >> 31n);
    for (;;) {
      const bits = this.next(31);
      const value = bits % bound;
      if (bits - value + (bound - 1) <= 0x7fffffff) return value;
    }
  }

  /** Random.nextDouble(): uniform in [0, 1), 53 random bits. */
  nextDouble(): number {
    const high = BigInt(this.next(26)) & ((1n << 26n) - 1n);
    const low = BigInt(this.next(27)) & ((1n << 27n) - 1n);
    return Number((high << 27n) + low) * 2 ** -53;
  }

  private next(bits: number): number {
    this.seed = (this.seed * JavaRandom.MULTIPLIER + 0xbn) & JavaRandom.MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }
}
