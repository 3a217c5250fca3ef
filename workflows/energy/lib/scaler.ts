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
  const mid = count >> 1;
  const upper = select(a, count, mid);
  if (count % 2 === 1) return upper;
  // After selection everything left of `mid` is ≤ a[mid]: the lower middle is their maximum.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (a[i] > lower) lower = a[i];
  return (lower + upper) / 2;
}

/** Hoare's quickselect: the k-th smallest of a[0..count), leaving smaller values before it. */
function select(a: Float64Array, count: number, k: number): number {
  let left = 0;
  let right = count - 1;
  while (left < right) {
    const pivot = median3(a[left], a[(left + right) >> 1], a[right]);
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k];
}

function median3(x: number, y: number, z: number): number {
  return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
}
