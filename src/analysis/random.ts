// Seeded pseudo-random numbers (xoshiro128** seeded by a splitmix32 mixer) and Latin hypercube sampling.
// Written from the published algorithms: Blackman & Vigna (2018) "Scrambled linear pseudorandom number generators";
// McKay, Beckman & Conover (1979) for LHS. A seed makes every analysis reproducible across Node and browsers.

/** A source of uniform numbers in [0, 1). */
export interface Rng {
  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** The seed this generator started from (recorded in results). */
  readonly seed: number;
}

/** splitmix32-style mixer (murmur3 finaliser over a Weyl sequence): spreads a small seed over the 128-bit state. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

/** xoshiro128**: fast, 2^128-1 period, passes BigCrush; seeded deterministically from any integer. */
export function createRng(seed = 1): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const mix = splitmix32(Math.trunc(seed) >>> 0 ^ Math.trunc(seed / 4294967296));
  let s0 = mix(), s1 = mix(), s2 = mix(), s3 = mix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotl(s3, 11);
    return result;
  };
  return {
    seed,
    nextUint32,
    next: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
    int: (n: number) => Math.floor(((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992 * n),
  };
}

/** Fisher-Yates shuffle of 0..n-1. */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i]!; p[i] = p[j]!; p[j] = t;
  }
  return p;
}

/**
 * Latin hypercube sample of n points in [0,1)^d: each dimension's range is cut into n equal strata and each stratum
 * holds exactly one point, at a random position inside it (McKay et al. 1979). Rows are points.
 */
export function latinHypercube(n: number, d: number, rng: Rng): number[][] {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`sample count must be a positive integer, got ${n}`);
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(d).fill(0));
  for (let j = 0; j < d; j++) {
    const p = permutation(n, rng);
    for (let i = 0; i < n; i++) out[i]![j] = (p[i]! + rng.next()) / n;
  }
  return out;
}

/** Plain Monte Carlo sample of n points in [0,1)^d (rows are points). */
export function uniformSample(n: number, d: number, rng: Rng): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: d }, () => rng.next()));
}
