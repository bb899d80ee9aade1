import {
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  createRuntime,
  InvalidArgumentError,
  matmul,
  type Runtime,
  type Tensor,
} from '@descent/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpuBackend } from './cpu-backend-plugin';
import { cpuThreads } from './node';
import { randomTensor } from './test-utils/helpers';

// Threads split C into bands; every element is still summed by one thread in the one-thread
// order, so the results must be bit-identical to the single-threaded WASM kernel.
const pool = cpuThreads(3, { minWork: 0 });
const threaded = createRuntime({ plugins: [cpuBackend({ threads: pool })] });
const single = createRuntime({ plugins: [cpuBackend()] });

beforeAll(async () => {
  // Workers start asynchronously; until they are ready products run on the calling thread.
  for (let i = 0; i < 500 && !pool.ready; i++) await new Promise((r) => setTimeout(r, 10));
  expect(pool.ready).toBe(true);
});
afterAll(() => pool.close());

/** Runs `f` on both runtimes with the same seeded inputs and returns both outputs' bits. */
function both(shapes: number[][], f: (xs: Tensor[]) => Tensor): [Uint32Array, Uint32Array] {
  const run = (rt: Runtime): Uint32Array => {
    let bits = new Uint32Array(0);
    rt.tidy(() => {
      const out = f(shapes.map((s, i) => randomTensor(rt, s, 100 + i)));
      bits = new Uint32Array(Float32Array.from(out.dataSync()).buffer);
    });
    return bits;
  };
  return [run(threaded), run(single)];
}

describe('GEMM threads (cpuThreads)', () => {
  it.each([
    ['tall', [301, 67], [67, 45], {}],
    ['wide', [5, 70], [70, 999], {}],
    ['Aᵀ·B', [130, 97], [130, 33], { transposeA: true }],
    ['A·Bᵀ', [97, 130], [33, 130], { transposeB: true }],
    ['batched, broadcast', [3, 41, 64], [64, 50], {}],
    ['fewer rows than threads', [2, 300], [300, 2], {}],
  ] as const)('matmul %s is bit-identical to one thread', (_, a, b, attrs) => {
    const [t, s] = both([[...a], [...b]], ([x, y]) => matmul(x!, y!, attrs));
    expect(t).toEqual(s);
  });

  it('conv2d and both of its gradients are bit-identical to one thread', () => {
    const attrs = { strides: [1, 1], pads: [1, 1, 1, 1], dilations: [1, 1] } as const;
    const forward = (x: Tensor, w: Tensor) => conv2d(x, w, { ...attrs, padding: attrs.pads });
    for (const f of [
      ([x, w]: Tensor[]) => forward(x!, w!),
      ([x, w]: Tensor[]) => conv2dBackpropInput(forward(x!, w!), w!, { ...attrs, inputShape: x!.shape }),
      ([x, w]: Tensor[]) => conv2dBackpropFilter(x!, forward(x!, w!), { ...attrs, filterShape: w!.shape }),
    ]) {
      const [t, s] = both(
        [
          [4, 14, 14, 8],
          [3, 3, 8, 16],
        ],
        f,
      );
      expect(t).toEqual(s);
    }
  });

  it('splits convolutions by images over the workers (not the filter gradient, which sums over them)', () => {
    const attrs = { strides: [2, 2], pads: [0, 1, 0, 1], dilations: [1, 1] } as const;
    const x = [5, 13, 13, 4];
    const w = [3, 3, 4, 6];
    const dyShape = [5, 6, 6, 6];
    const count = (f: () => void) => {
      const before = pool.workerJobs;
      f();
      return pool.workerJobs - before;
    };
    let bits: [Uint32Array, Uint32Array] | undefined;
    expect(count(() => (bits = both([x, w], ([a, b]) => conv2d(a!, b!, attrs))))).toBe(2);
    expect(bits![0]).toEqual(bits![1]);
    const grad = ([dy, b]: Tensor[]) => conv2dBackpropInput(dy!, b!, { ...attrs, inputShape: x });
    expect(count(() => (bits = both([dyShape, w], grad)))).toBe(2);
    expect(bits![0]).toEqual(bits![1]);
    const filterGrad = ([a, dy]: Tensor[]) => conv2dBackpropFilter(a!, dy!, { ...attrs, filterShape: w });
    expect(count(() => (bits = both([x, dyShape], filterGrad)))).toBe(0);
    expect(bits![0]).toEqual(bits![1]);
  });

  it('runs on the calling thread once closed, still correct', () => {
    const other = cpuThreads(2, { minWork: 0 });
    other.close();
    const rt = createRuntime({ plugins: [cpuBackend({ threads: other })] });
    const x = rt.tensor([[1, 2, 3]]);
    expect(Array.from(matmul(x, rt.tensor([[1], [1], [1]])).dataSync())).toEqual([6]);
  });

  it("needs the 'wasm' kernels and a positive whole count", () => {
    expect(() =>
      createRuntime({ plugins: [cpuBackend({ kernels: 'js', threads: pool })] }).backend(),
    ).toThrow(InvalidArgumentError);
    expect(() => cpuThreads(0)).toThrow(RangeError);
  });
});
