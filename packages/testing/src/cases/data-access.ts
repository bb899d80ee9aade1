import { type DType, UnsupportedError } from '@descent/core';
import { expect } from 'vitest';
import { type ConformanceCase, custom, type TensorSpec } from '../internal/case';
import { arrayTypeOf, makeTensor } from '../internal/harness';

/** Values that must survive a write and a read unchanged, bit for bit. */
const ROUND_TRIP: [DType, number[]][] = [
  // NaN, ±Infinity, -0, the smallest subnormal, the largest float32, the smallest normal.
  [
    'float32',
    [
      Number.NaN,
      Infinity,
      -Infinity,
      -0,
      1.401298464324817e-45,
      3.4028234663852886e38,
      -1.1754943508222875e-38,
      0.1,
    ],
  ],
  ['int32', [2147483647, -2147483648, 0, -1, 16777217]],
  ['bool', [1, 0, 1, 1]],
];

const ARRAY_OF = { float32: Float32Array, int32: Int32Array, bool: Uint8Array } as const;

const roundTrips = ROUND_TRIP.map(([dtype, data]) =>
  custom('data', `${dtype} values round-trip bit for bit`, async ({ rt }) => {
    const spec: TensorSpec = { dtype, shape: [data.length], data };
    const t = makeTensor(rt, spec);
    try {
      const read = await t.data();
      expect(read).toBeInstanceOf(arrayTypeOf(t, dtype));
      // A float64 reference backend returns doubles: the same values, compared as float32 bits.
      const got = read instanceof Float64Array ? Float32Array.from(read) : read;
      const want = ARRAY_OF[dtype].from(data);
      expect(new Uint8Array(got.buffer, got.byteOffset, got.byteLength)).toEqual(
        new Uint8Array(want.buffer, want.byteOffset, want.byteLength),
      );
    } finally {
      t.dispose();
    }
  }),
);

const cases: ConformanceCase[] = [
  ...roundTrips,
  custom('data', 'data() returns a copy: writing to it leaves the tensor unchanged', async ({ rt }) => {
    const t = rt.tensor([1, 2, 3]);
    const first = await t.data();
    first[0] = 99;
    expect(Array.from(await t.data())).toEqual([1, 2, 3]);
    t.dispose();
  }),
  custom('data', 'concurrent reads resolve to their own tensors', async ({ rt }) => {
    const ts = [1, 2, 3, 4].map((v) => rt.tensor([v, -v]));
    const all = await Promise.all(ts.map((t) => t.data()));
    expect(all.map((a) => Array.from(a))).toEqual([
      [1, -1],
      [2, -2],
      [3, -3],
      [4, -4],
    ]);
    rt.dispose(ts);
  }),
  custom('data', 'array() nests by shape; a scalar is a number', async ({ rt }) => {
    const m = rt.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const s = rt.scalar(7, 'int32');
    const e = rt.tensor([], [2, 0]);
    expect(await m.array()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(await s.array()).toBe(7);
    expect(await e.array()).toEqual([[], []]);
    rt.dispose([m, s, e]);
  }),
  custom(
    'data',
    'a tensor made from a typed array keeps its values when the array changes',
    async ({ rt }) => {
      // rt.tensor hands a typed array of the storage type to the backend as is: write must copy.
      const sources = [Float32Array.of(1, 2, 3), Int32Array.of(4, 5, 6), Uint8Array.of(1, 0, 1)];
      const dtypes = ['float32', 'int32', 'bool'] as const;
      const ts = sources.map((a, i) => rt.tensor(a, [3], dtypes[i]));
      for (const a of sources) a.fill(0);
      expect(await Promise.all(ts.map(async (t) => Array.from(await t.data())))).toEqual([
        [1, 2, 3],
        [4, 5, 6],
        [1, 0, 1],
      ]);
      rt.dispose(ts);
    },
  ),
  custom(
    'dataSync',
    'dataSync() matches data() where the backend reads synchronously, else UnsupportedError',
    async ({ rt }) => {
      const t = rt.tensor([
        [1.5, -2],
        [0, 3],
      ]);
      try {
        if (rt.backend(t.backendName).readSync) {
          expect(Array.from(t.dataSync())).toEqual([1.5, -2, 0, 3]);
          expect(t.arraySync()).toEqual([
            [1.5, -2],
            [0, 3],
          ]);
        } else {
          expect(() => t.dataSync()).toThrow(UnsupportedError);
        }
      } finally {
        t.dispose();
      }
    },
  ),
];

/** Reading values back: data(), dataSync(), array(), exact round trips of every dtype. */
export function dataAccessCases(): ConformanceCase[] {
  return cases;
}
