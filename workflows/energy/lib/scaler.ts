/**
 * The benchmark's "invariant" variance-stabilising transform, fitted per column on the
 * calibration window: z = asinh((x − median) / MAD), MAD = median|x − median| / Φ⁻¹(3/4).
 */
export const NORMAL_MAD_FACTOR = 0.6744897501960817;

export interface ColumnScale {
  readonly median: number;
  readonly mad: number;
}

/** Median and MAD of `values[offset + i·stride]`, i < count. `scratch` must hold `count` values. */
export function fitScale(values: Float64Array, offset: number, stride: number, count: number, scratch: Float64Array): ColumnScale {
  for (let i = 0; i < count; i++) scratch[i] = values[offset + i * stride];
  const median = medianInPlace(scratch, count);
  for (let i = 0; i < count; i++) scratch[i] = Math.abs(scratch[i] - median);
  let mad = medianInPlace(scratch, count) / NORMAL_MAD_FACTOR;
  // A column that is constant on more than half the window has no MAD; its mean absolute
  // deviation (normal-consistent) keeps the transform finite where the benchmark's would not be.
  if (!(mad > 0)) mad = meanAbsoluteDeviation(values, offset, stride, count, median) * Math.sqrt(Math.PI / 2) || 1;
  return { median, mad };
}

export function transform(x: number, scale: ColumnScale): number {
  return Math.asinh((x - scale.median) / scale.mad);
}

export function inverse(z: number, scale: ColumnScale): number {
  return Math.sinh(z) * scale.mad + scale.median;
}

function meanAbsoluteDeviation(values: Float64Array, offset: number, stride: number, count: number, center: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += Math.abs(values[offset + i * stride] - center);
  return sum / count;
}

/** numpy's median (mean of the two middle values for an even count); reorders `a[0..count)`. */
export function medianInPlace(a: Float64Array, count: number): number {
  const sorted = a.subarray(0, count).sort();
  const mid = count >> 1;
  return count % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
