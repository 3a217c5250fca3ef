/**
 * OpenCV's random number generator, reproduced so that our RANSAC (`homography.ts`) draws the samples
 * OpenCV's `findHomography` draws, call for call.
 */
/**
 * OpenCV's `cv::RNG`, a multiply-with-carry generator on a 64-bit state, here in two 32-bit halves
 * (every product below stays within a double's exact integers).
 */
export class OpenCvRandom {
  private lo = 0xffffffff;
  private hi = 0xffffffff;

  /** The next 32-bit value: state = low 32 bits × 4164903690 + high 32 bits. */
  next(): number {
    // `>>> 0` takes an integral double modulo 2³², without a floating-point remainder.
    const a1 = this.lo >>> 16;
    const a0 = this.lo & 0xffff;
    const mid = a1 * C0 + a0 * C1;
    const midLow = mid >>> 0;
    const low = a0 * C0 + (midLow & 0xffff) * 65536 + this.hi;
    const lowBits = low >>> 0;
    this.hi = (a1 * C1 + (mid - (midLow & 0xffff)) / 65536 + (low - lowBits) / 4294967296) >>> 0;
    this.lo = lowBits;
    return lowBits;
  }

  /** An integer in [a, b), as `RNG::uniform(int, int)` makes it (b − a below 2²⁰, so the quotient is exact). */
  uniform(a: number, b: number): number {
    if (a === b) return a;
    const v = this.next();
    const n = b - a;
    return v - Math.floor(v / n) * n + a;
  }
}

/** 4164903690, OpenCV's multiplier, in 16-bit halves. */
const C1 = 0xf83f;
const C0 = 0x630a;
