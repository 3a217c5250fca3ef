/**
 * Just enough of numpy's legacy `RandomState(seed).permutation(n)` (MT19937 seeded with init_genrand,
 * Fisher–Yates from the end with masked rejection sampling) to rebuild scikit-learn's
 * `train_test_split(random_state=0)` rows in tests. Not used by the library: it seeds its own PRNG.
 */
export function numpyPermutation(n: number, seed: number): number[] {
  const next = mt19937(seed);
  const result = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    let mask = i;
    for (const shift of [1, 2, 4, 8, 16]) mask |= mask >>> shift;
    let j: number;
    do j = (next() & mask) >>> 0;
    while (j > i);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

function mt19937(seed: number): () => number {
  const state = new Uint32Array(624);
  state[0] = seed >>> 0;
  for (let i = 1; i < 624; i++) {
    const previous = state[i - 1] ^ (state[i - 1] >>> 30);
    state[i] = Math.imul(1812433253, previous) + i;
  }
  let position = 624;
  return () => {
    if (position >= 624) {
      twist(state);
      position = 0;
    }
    let y = state[position++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
}

function twist(state: Uint32Array): void {
  for (let i = 0; i < 624; i++) {
    const y = (state[i] & 0x80000000) | (state[(i + 1) % 624] & 0x7fffffff);
    state[i] = state[(i + 397) % 624] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
  }
}
