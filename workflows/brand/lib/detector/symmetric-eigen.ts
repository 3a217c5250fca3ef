/**
 * Small symmetric eigenproblems (8×8, 9×9) for the homography's refinement: cyclic Jacobi rotations,
 * and solving through the decomposition as OpenCV's \`solve(DECOMP_EIG)\` does.
 */
/**
 * a · x = b for a symmetric a through its eigen-decomposition, eigenvalues no larger than rounding
 * (relative to their sum) left out, as OpenCV's `solve(DECOMP_EIG)` does.
 */
export function eigenSolve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const { values, vectors } = symmetricEigen(a, n);
  const threshold = 2 * Number.EPSILON * values.reduce((sum, w) => sum + Math.abs(w), 0);
  const x = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (Math.abs(values[k]!) <= threshold) continue;
    let projection = 0;
    for (let i = 0; i < n; i++) projection += vectors[n * i + k]! * b[i]!;
    projection /= values[k]!;
    for (let i = 0; i < n; i++) x[i]! += projection * vectors[n * i + k]!;
  }
  return x;
}

/** The diagonal of a symmetric a's (pseudo-)inverse. */
export function eigenInverseDiagonal(a: Float64Array, n: number): number[] {
  const { values, vectors } = symmetricEigen(a, n);
  const threshold = 2 * Number.EPSILON * values.reduce((sum, w) => sum + Math.abs(w), 0);
  return Array.from({ length: n }, (_, i) => {
    let sum = 0;
    for (let k = 0; k < n; k++) if (Math.abs(values[k]!) > threshold) sum += (vectors[n * i + k]! * vectors[n * i + k]!) / values[k]!;
    return sum;
  });
}

/** Eigenvalues and eigenvectors (columns of `vectors`, row-major n×n) of a symmetric matrix, by cyclic Jacobi rotations. */
export function symmetricEigen(matrix: ArrayLike<number>, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[n * i + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += a[n * i + i]! * a[n * i + i]!;
      for (let j = i + 1; j < n; j++) off += a[n * i + j]! * a[n * i + j]!;
    }
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[n * p + q]!;
        if (apq === 0) continue;
        const theta = (a[n * q + q]! - a[n * p + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[n * k + p]!;
          const akq = a[n * k + q]!;
          a[n * k + p] = c * akp - sn * akq;
          a[n * k + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[n * p + k]!;
          const aqk = a[n * q + k]!;
          a[n * p + k] = c * apk - sn * aqk;
          a[n * q + k] = sn * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[n * k + p]!;
          const vkq = v[n * k + q]!;
          v[n * k + p] = c * vkp - sn * vkq;
          v[n * k + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: n }, (_, i) => a[n * i + i]!), vectors: v };
}
