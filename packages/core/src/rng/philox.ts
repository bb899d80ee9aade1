// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11).
// Counter-based: output i depends only on (key, counter i), so any backend, in any order,
// produces the same stream. Every backend's random kernel must reproduce these bits.

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** High 32 bits of the 64-bit product of two uint32s. */
function mulhi(a: number, b: number): number {
  const aLo = a & 0xffff;
  const aHi = a >>> 16;
  const bLo = b & 0xffff;
  const bHi = b >>> 16;
  const lolo = aLo * bLo;
  const mid1 = aHi * bLo;
  const mid2 = aLo * bHi;
  const carry = ((lolo >>> 16) + (mid1 & 0xffff) + (mid2 & 0xffff)) >>> 16;
  return (aHi * bHi + (mid1 >>> 16) + (mid2 >>> 16) + carry) >>> 0;
}

/**
 * One Philox4x32-10 block: four uint32 outputs for a 128-bit counter and a 64-bit key.
 * Writes into `out` (length 4) to avoid allocation on hot paths.
 */
export function philox4x32(
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  k0: number,
  k1: number,
  out: Uint32Array = new Uint32Array(4),
): Uint32Array {
  for (let round = 0; round < 10; round++) {
    if (round > 0) {
      k0 = (k0 + W0) >>> 0;
      k1 = (k1 + W1) >>> 0;
    }
    const hi0 = mulhi(M0, c0);
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulhi(M1, c2);
    const lo1 = Math.imul(M1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
  return out;
}

/** A 64-bit key from a seed (a non-negative integer below 2^53). */
export function seedToKey(seed: number): [number, number] {
  return [seed >>> 0, Math.floor(seed / 0x100000000) >>> 0];
}

/** A uint32 mapped to a float32-exact value in [0, 1) from its top 24 bits. */
export function uint32ToUnit(bits: number): number {
  return (bits >>> 8) * 2 ** -24;
}

/**
 * Fills `out` with the uniform [0, 1) stream at `key`, starting at block `counter`: element i is
 * lane i % 4 of block counter + floor(i / 4), counter word 0 holding the low 32 bits, word 1 the high.
 * This is the reference every backend's `randomUniform` kernel reproduces.
 *
 * @example
 * const { key, counter } = rt.drawRandom(4);
 * philoxUniform(key, counter, new Float32Array(4)); // the values randomUniform would draw
 */
export function philoxUniform<T extends Float32Array | Float64Array>(
  key: readonly [number, number],
  counter: number,
  out: T,
): T {
  const block = new Uint32Array(4);
  for (let i = 0; i < out.length; i += 4) {
    const c = counter + i / 4;
    philox4x32(c >>> 0, Math.floor(c / 0x100000000) >>> 0, 0, 0, key[0], key[1], block);
    for (let lane = 0; lane < 4 && i + lane < out.length; lane++) out[i + lane] = uint32ToUnit(block[lane]!);
  }
  return out;
}
