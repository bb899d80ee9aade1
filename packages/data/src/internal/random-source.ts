import { InvalidArgumentError, philoxUniform, type Runtime, seedToKey } from '@descent/core';

/** Draws `n` uniforms in [0, 1). */
export type Uniforms = (n: number) => Float32Array;

/**
 * Uniforms from the runtime's Philox stream (what `randomUniform` would give, drawn on the
 * host), or, with a seed, from a stream of the dataset's own that starts at `offset` blocks.
 */
export function uniformSource(
  op: string,
  runtime: Runtime | undefined,
  seed: number | undefined,
  offset = 0,
): Uniforms {
  if (seed !== undefined) {
    const key = seedToKey(seed);
    let counter = offset;
    return (n) => {
      const out = philoxUniform(key, counter, new Float32Array(n));
      counter += Math.ceil(n / 4);
      return out;
    };
  }
  if (!runtime)
    throw new InvalidArgumentError(
      op,
      'needs a random stream: iterate with ds.iterate({ runtime: rt }) (the trainer does), or give the shuffle a seed',
    );
  return (n) => {
    const { key, counter } = runtime.drawRandom(n);
    return philoxUniform(key, counter, new Float32Array(n));
  };
}

/** A permutation of 0..n-1 by Fisher–Yates over `n` uniforms (the algorithm of `rt.shuffle`). */
export function permutation(n: number, uniforms: Uniforms): Int32Array {
  const u = uniforms(n);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(u[i]! * (i + 1)));
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  return perm;
}
