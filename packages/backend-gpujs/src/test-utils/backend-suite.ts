import { cpuBackend } from '@descent/backend-cpu';
import {
  abs,
  add,
  cast,
  createRuntime,
  exp,
  fill,
  gather,
  matmul,
  maximum,
  mod,
  mul,
  neg,
  type Runtime,
  reshape,
  round,
  slice,
  sub,
  sum,
  type Tensor,
  UnsupportedError,
} from '@descent/core';
import { expectClose } from '@descent/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { type GpujsBackend, type GpujsMode, gpujsBackend } from '../index';
import { gpuResources } from './training-suite';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Deterministic int32s covering the whole range, its ends and the float32-exact edge 2^24. */
function int32s(n: number, seed: number): Int32Array {
  const out = new Int32Array(n);
  let s = seed >>> 0 || 1;
  const special = [
    0,
    1,
    -1,
    INT32_MIN,
    INT32_MAX,
    2 ** 24,
    2 ** 24 + 1,
    -(2 ** 24) - 1,
    65535,
    65536,
    -65536,
    46341,
  ];
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = i < special.length ? special[(i + seed) % special.length]! : s | 0;
  }
  return out;
}

/**
 * What only a GPU backend has to show, for one mode: where it runs, that tensors stay on the
 * device, kernel caching, freeing, counters, and the documented numeric limits.
 */
export function gpuBackendSuite(mode: GpujsMode, expected: string): void {
  describe(`gpujs backend (${mode})`, () => {
    const runtimes: Runtime[] = [];
    const make = (backend: 'gpujs' | 'cpu' = 'gpujs') => {
      const rt = createRuntime({ plugins: [cpuBackend(), gpujsBackend({ mode })], backend });
      runtimes.push(rt);
      return rt;
    };
    afterAll(() => {
      for (const rt of runtimes) rt.backend('gpujs').destroy?.();
    });
    const counters = (rt: Runtime) => rt.backend('gpujs').memory();

    it(`runs in mode ${expected} and is the default over the CPU backend`, () => {
      const rt = createRuntime({ plugins: [cpuBackend(), gpujsBackend({ mode })] });
      runtimes.push(rt);
      expect(rt.backendName).toBe('gpujs');
      const b = rt.backend() as GpujsBackend;
      expect(b.mode).toBe(expected);
      expect(Boolean(b.readSync)).toBe(expected !== 'webgpu');
    });

    it('keeps tensors on the GPU between ops: values come back only when read', async () => {
      const rt = make();
      const x = rt.tensor([
        [1, 2, 3],
        [4, 5, 6],
      ]);
      const before = counters(rt);
      const y = rt.tidy(() => exp(mul(matmul(x, x, { transposeB: true }), 0.01)));
      expect(counters(rt).readbacks).toBe(before.readbacks);
      const values = await y.data();
      expect(counters(rt).readbacks).toBe(before.readbacks! + 1);
      // x·xᵀ = [[14, 32], [32, 77]].
      expectClose(values, [0.14, 0.32, 0.32, 0.77].map(Math.exp), { rtol: 2e-5, atol: 0 });
      rt.dispose([x, y]);
    });

    it('compiles a kernel once per op, shapes and attributes', async () => {
      const rt = make();
      const a = rt.tensor([1, 2, 3]);
      const b = rt.tensor([4, 5, 6]);
      const c = rt.tensor([1, 2]);
      const run = (f: () => Tensor) => rt.tidy(() => void f());
      run(() => add(a, b));
      const once = counters(rt).compilations!;
      for (let i = 0; i < 5; i++) run(() => add(a, b));
      expect(counters(rt).compilations, 'same op and shapes').toBe(once);
      run(() => add(c, c));
      expect(counters(rt).compilations, 'new shape').toBe(once + 1);
      run(() => sum(a));
      run(() => sum(a, 0, true));
      const reduced = counters(rt).compilations!;
      run(() => sum(b));
      expect(counters(rt).compilations, 'same sum on other values').toBe(reduced);
      // Values are uniforms, not code: a fill of another value compiles nothing.
      run(() => fill(rt, [3], 2));
      const filled = counters(rt).compilations!;
      run(() => fill(rt, [3], -7.5));
      run(() => fill(rt, [3], Number.NaN));
      expect(counters(rt).compilations).toBe(filled);
      rt.dispose([a, b, c]);
    });

    it('a fill of 0 after a fill of -0 gives +0 (gpu.js caches uniforms by ===, and -0 === 0)', async () => {
      const rt = make();
      for (const v of [-0, 0, -0, 1, -0, 0]) {
        const t = fill(rt, [2], v);
        const got = Array.from(await t.data());
        t.dispose();
        expect(
          got.map((x) => Object.is(x, v)),
          `fill(${Object.is(v, -0) ? '-0' : v})`,
        ).toEqual([true, true]);
      }
    });

    it('mod is exact like fmod, and round keeps the sign of a zero result (found by the property suite)', async () => {
      const rt = make();
      const f = Math.fround;
      // Quotients up to 2^30: a - b·floor(a/b) in float32 loses the low bits of a; fmod does not.
      const a = [-27.66830825805664, 1e4, f(1e4 / 3), f(1e-20), f(-1e-20), 7.5, f(3.3e7)].map(f);
      const b = [-0.000004667815574066481, f(1e-5), -0.7, -1, 1, 2, f(-0.001)].map(f);
      // JS % is the exact fmod of the (float32) operands; floor modulo adds b where signs differ.
      const want = a.map((x, i) => {
        const r = x % b[i]!;
        return f(r !== 0 && r < 0 !== b[i]! < 0 ? r + b[i]! : r);
      });
      const m = mod(rt.tensor(a), rt.tensor(b));
      expect(Array.from(await m.data())).toEqual(want);
      const xs = [-0.3, -0.5, -0, -(2 ** -126), 0.3, 0.5, 0, -1.5, 2.5];
      const r = round(rt.tensor(xs));
      // IEEE roundTiesToEven: a zero result has the sign of x.
      expect(Array.from(await r.data()).map((v) => (Object.is(v, -0) ? '-0' : v))).toEqual([
        '-0',
        '-0',
        '-0',
        '-0',
        0,
        0,
        0,
        -2,
        2,
      ]);
      rt.dispose([m, r]);
    });

    it('one kernel body on inputs of different lengths reads each at its own size', async () => {
      // slice(x, [0], [1]) of an [r, 2] tensor has the same body for every r; gpu.js bakes the
      // input's texture size into the shader, so the cache must tell the inputs apart (found by
      // the property suite: rows after the first read x[1], x[2], ... instead of x[0, :]).
      const rt = make();
      for (const rows of [1, 2, 3, 5, 9, 17, 100]) {
        const x = rt.tensor(
          Float32Array.from({ length: rows * 2 }, (_, i) => i + 1),
          [rows, 2],
        );
        const y = slice(x, [0], [1]);
        expect(Array.from(await y.data()), `rows ${rows}`).toEqual([1, 2]);
        rt.dispose([x, y]);
      }
    });

    it('disposing a tensor frees its texture in the counters', () => {
      const rt = make();
      const base = counters(rt);
      const ts = [
        rt.tensor(new Float32Array(1000)),
        rt.tensor(new Int32Array(10), [10], 'int32'),
        rt.tensor([true]),
      ];
      const after = counters(rt);
      expect(after.textures).toBe(base.textures! + 3);
      // float32 and bool: one float each; int32: two.
      expect(after.bytes).toBe(base.bytes! + (1000 + 20 + 1) * 4);
      rt.dispose(ts);
      expect(counters(rt)).toMatchObject({ textures: base.textures, bytes: base.bytes });
    });

    it('freed textures are released to the driver: repeating work does not grow GPU memory', async () => {
      const rt = make();
      const x = rt.tensor(new Float32Array(1000));
      const step = async (n: number) => {
        const ys = Array.from({ length: n }, () => exp(x));
        await ys[n - 1]!.data(); // also orders WebGPU's queued frees
        rt.dispose(ys);
      };
      await step(1);
      await x.data();
      const live = gpuResources(rt);
      // Warm up: gpu.js keeps each kernel's last output for reuse and up to 3 staging buffers
      // per kernel for reads. After that, repeating the same work must not allocate more.
      for (let i = 0; i < 10; i++) await step(i % 3 === 0 ? 8 : 1);
      await x.data();
      const steady = live();
      for (let i = 0; i < 40; i++) await step(i % 3 === 0 ? 8 : 1);
      await x.data();
      expect(live(), 'textures or buffers created minus deleted').toBe(steady);
      x.dispose();
    });

    it('int32 is exact over its whole range, wrapping like the CPU backend', async () => {
      const gpu = make('gpujs');
      const cpu = make('cpu');
      const n = 64;
      const [xa, xb] = [int32s(n, 1), int32s(n, 5)];
      const nonzero = xb.map((v) => v || 3);
      const ops: [string, (a: Tensor, b: Tensor) => Tensor][] = [
        ['add', add],
        ['sub', sub],
        ['mul', mul],
        ['mod', mod],
        ['maximum', maximum],
        ['neg', (a) => neg(a)],
        ['abs', (a) => abs(a)],
        ['sum', (a) => sum(a)],
        ['matmul', (a, b) => matmul(reshape(a, [8, 8]), reshape(b, [8, 8]))],
        ['cast to float32', (a) => cast(a, 'float32')],
        ['gather', (a) => gather(a, cast(abs(mod(a, a.runtime.scalar(n, 'int32'))), 'int32'))],
      ];
      const onBoth = async (f: (a: Tensor, b: Tensor) => Tensor) => {
        const [g, c] = [gpu, cpu].map((rt) =>
          rt.tidy(() => f(rt.tensor(xa, [n], 'int32'), rt.tensor(nonzero, [n], 'int32'))),
        ) as [Tensor, Tensor];
        const values = [Array.from(await g.data()), Array.from(await c.data())];
        g.dispose();
        c.dispose();
        return values;
      };
      for (const [name, f] of ops) {
        const [got, want] = await onBoth(f);
        expect(got, name).toEqual(want);
      }
      // float32 holds integers exactly up to 2^24; int32 → float32 rounds beyond, as on the CPU.
      const t = gpu.tensor(new Int32Array([2 ** 24, 2 ** 24 + 1, 2 ** 24 + 3, INT32_MAX]), [4], 'int32');
      const f = cast(t, 'float32');
      expect(Array.from(await f.data())).toEqual([2 ** 24, 2 ** 24, 2 ** 24 + 4, 2 ** 31]);
      const back = cast(f, 'int32');
      expect(Array.from(await back.data())).toEqual([2 ** 24, 2 ** 24, 2 ** 24 + 4, INT32_MAX]);
      gpu.dispose([t, f, back]);
    });

    it('a tensor holds at most 2^24 floats (float index arithmetic): bigger ones are an UnsupportedError', () => {
      const rt = make();
      expect(() => fill(rt, [2 ** 24 + 1], 0)).toThrow(UnsupportedError);
      expect(() => fill(rt, [2 ** 23 + 1], 0, 'int32')).toThrow(/at most 2\^24/);
      expect(rt.memory().backends.gpujs?.numTensors ?? 0).toBe(0);
    });
  });
}
