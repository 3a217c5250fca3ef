/** Share of predictions equal to the truth, as scikit-learn's `accuracy_score`. */
export function accuracy(truth: readonly number[], predicted: readonly number[]): number {
  if (truth.length !== predicted.length || truth.length === 0) {
    throw new RangeError(`accuracy needs two equally long, non-empty lists; got ${truth.length} and ${predicted.length}.`);
  }
  let correct = 0;
  truth.forEach((value, index) => {
    if (value === predicted[index]) correct++;
  });
  return correct / truth.length;
}

/** Arithmetic mean, summed as numpy sums (so it equals `np.mean` to the last bit). */
export function mean(values: readonly number[]): number {
  assertNotEmpty(values);
  return numpySum(values) / values.length;
}

/** Population variance (ddof=0), computed as `np.var`: mean first, then the mean squared deviation. */
export function variance(values: readonly number[]): number {
  const average = mean(values);
  return numpySum(values.map((value) => (value - average) * (value - average))) / values.length;
}

/** Population standard deviation (ddof=0), as `np.std`. */
export function std(values: readonly number[]): number {
  return Math.sqrt(variance(values));
}

const NUMPY_PAIRWISE_BLOCK = 128;

/**
 * numpy's pairwise summation of a contiguous float64 array: below 8 values a plain loop, up to 128
 * eight interleaved partial sums, above that the two halves recursively. Rounding then matches
 * numpy's, which matters where a sum feeds a threshold (gamma='scale') or is compared with scikit-learn.
 */
export function numpySum(values: readonly number[], start = 0, count = values.length): number {
  if (count < 8) {
    let sum = 0;
    for (let i = start; i < start + count; i++) sum += values[i];
    return sum;
  }
  if (count <= NUMPY_PAIRWISE_BLOCK) {
    const partial = values.slice(start, start + 8);
    const blockEnd = start + count - (count % 8);
    for (let i = start + 8; i < blockEnd; i += 8) {
      for (let lane = 0; lane < 8; lane++) partial[lane] += values[i + lane];
    }
    let sum = partial[0] + partial[1] + (partial[2] + partial[3]) + (partial[4] + partial[5] + (partial[6] + partial[7]));
    for (let i = blockEnd; i < start + count; i++) sum += values[i];
    return sum;
  }
  let half = Math.floor(count / 2);
  half -= half % 8;
  return numpySum(values, start, half) + numpySum(values, start + half, count - half);
}

function assertNotEmpty(values: readonly number[]): void {
  if (values.length === 0) throw new RangeError('mean/variance of an empty list is undefined.');
}
