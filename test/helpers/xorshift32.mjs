// The seeded generator of the test fixtures and benchmark data (plain JavaScript, so that node
// scripts and vitest files load it alike).

/**
 * xorshift32: a tiny, fast generator of uniform numbers in [0, 1), the same sequence for the same
 * seed on every run and platform. For test data, not for statistics.
 * @param {number} seed - any 32-bit integer (0 becomes 1)
 * @returns {() => number}
 */
export function xorshift32(seed) {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}
