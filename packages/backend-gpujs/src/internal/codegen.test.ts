import { describe, expect, it } from 'vitest';
import { runBody } from '../test-utils/run-js';
import { coalesce, divMod, Emitter, num, stridedOffsets, unravel } from './codegen';
import { decode, encode } from './encode';

describe('code generation', () => {
  it('num writes float literals gpu.js types as floats', () => {
    expect([num(3), num(-2), num(0.5), num(-0), num(1e-7)]).toEqual(['3.0', '-2.0', '0.5', '-0.0', '1e-7']);
    expect(() => num(Infinity)).toThrow(/uniform/);
  });

  it('divMod and unravel give exact row-major indices (power-of-two and other sizes)', () => {
    const shape = [3, 4, 7, 1, 5];
    const e = new Emitter();
    const idx = unravel(e, 'o', shape);
    e.line(`return [${idx.join(', ')}];`);
    const body = e.toString();
    for (let flat = 0; flat < 3 * 4 * 7 * 5; flat++) {
      const want = [Math.floor(flat / 140), Math.floor(flat / 35) % 4, Math.floor(flat / 5) % 7, 0, flat % 5];
      expect(runBody(body, {}, flat)).toEqual(want);
    }
    const d = new Emitter();
    const [q, r] = divMod(d, 'o', 3);
    d.line(`return [${q}, ${r}];`);
    expect(runBody(d.toString(), {}, 16777215)).toEqual([5592405, 0]);
  });

  it('coalesce merges axes every operand walks contiguously and drops size-1 axes', () => {
    expect(coalesce([2, 3, 4], [[12, 4, 1]])).toEqual([[24], [[1]]]);
    // A bias [4] broadcast over [2, 3, 4]: rows repeat, so the first two axes merge only.
    expect(
      coalesce(
        [2, 3, 4],
        [
          [12, 4, 1],
          [0, 0, 1],
        ],
      ),
    ).toEqual([
      [6, 4],
      [
        [4, 1],
        [0, 1],
      ],
    ]);
    expect(coalesce([1, 5, 1], [[5, 1, 1]])).toEqual([[5], [[1]]]);
  });

  it('strided offsets read a transposed operand', () => {
    const e = new Emitter();
    // Output [3, 2] reads a [2, 3] input transposed: strides [1, 3].
    const [off] = stridedOffsets(e, 'o', [3, 2], [[1, 3]]);
    e.line(`return ${off};`);
    expect([0, 1, 2, 3, 4, 5].map((o) => runBody(e.toString(), {}, o))).toEqual([0, 3, 1, 4, 2, 5]);
  });
});

describe('encoding', () => {
  it('int32 as two exact 16-bit halves, bool as 0/1, float32 as is', () => {
    const ints = new Int32Array([0, -1, 2147483647, -2147483648, 16777217, 65536]);
    const f = encode(ints, 'int32');
    expect(f.length).toBe(12);
    expect(Array.from(f.subarray(0, 4))).toEqual([0, 0, -1, 65535]);
    expect(decode(f, 'int32', 6)).toEqual(ints);
    expect(decode(encode(new Uint8Array([1, 0, 1]), 'bool'), 'bool', 3)).toEqual(new Uint8Array([1, 0, 1]));
    const floats = new Float32Array([Number.NaN, -0, 1.401298464324817e-45]);
    expect(decode(encode(floats, 'float32'), 'float32', 3)).toEqual(floats);
    expect(encode(new Float64Array([0.1]), 'float32')).toEqual(new Float32Array([0.1]));
  });
});
