import { describe, expect, it } from 'vitest';
import { philox4x32, philoxUniform } from './philox';

// Known-answer vectors of Random123 (kat_vectors, "philox4x32 10" lines): ctr, key, expected.
const KAT: [number[], number[], number[]][] = [
  [
    [0, 0, 0, 0],
    [0, 0],
    [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8],
  ],
  [
    [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
    [0xffffffff, 0xffffffff],
    [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd],
  ],
  [
    [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344],
    [0xa4093822, 0x299f31d0],
    [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1],
  ],
];

describe('philox4x32-10', () => {
  it.each(KAT)('matches the Random123 known answer for ctr %j key %j', (ctr, key, expected) => {
    const out = philox4x32(ctr[0]!, ctr[1]!, ctr[2]!, ctr[3]!, key[0]!, key[1]!);
    expect(Array.from(out)).toEqual(expected);
  });

  it('uniform stream: block k lane j is element 4k+j, in [0, 1)', () => {
    const all = philoxUniform([7, 9], 10, new Float32Array(10));
    const tail = philoxUniform([7, 9], 11, new Float32Array(6));
    expect(Array.from(tail)).toEqual(Array.from(all.subarray(4)));
    const first = philox4x32(10, 0, 0, 0, 7, 9);
    expect(all[1]).toBe((first[1]! >>> 8) / 2 ** 24);
    for (const v of all) expect(v >= 0 && v < 1).toBe(true);
  });

  it('uniform stream has the moments of U(0,1)', () => {
    const u = philoxUniform([1, 2], 0, new Float32Array(200_000));
    const mean = u.reduce((a, b) => a + b, 0) / u.length;
    const variance = u.reduce((a, b) => a + (b - mean) ** 2, 0) / u.length;
    // Standard error of the mean is sqrt(1/12/n) ≈ 6.5e-4; 5 sigma.
    expect(Math.abs(mean - 0.5)).toBeLessThan(3.3e-3);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(2e-3);
  });
});
