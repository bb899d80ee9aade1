import {
  add,
  conv2d,
  DTypeError,
  exp,
  gather,
  matmul,
  maxPool,
  mul,
  type Runtime,
  randomNormal,
  reshape,
  scatterAdd,
  softmax,
  sum,
  type Tensor,
} from '@descent/core';
import { expect } from 'vitest';
import { type ConformanceCase, custom, f32, i32, iota } from '../internal/case';
import { expectTensor, makeTensor, memorySnapshot } from '../internal/harness';

/** A bit of every kind of kernel, returning nothing: everything it makes is garbage. */
function workload(rt: Runtime, x: Tensor): undefined {
  const img = reshape(x, [1, 2, 3, 1]);
  const y = conv2d(img, rt.tensor([1, -1], [1, 2, 1, 1]));
  maxPool(y, { windowSize: 1 });
  const m = matmul(reshape(x, [2, 3]), reshape(x, [3, 2]));
  softmax(m);
  const idx = rt.tensor(new Int32Array([1, 0, 1]), [3]);
  scatterAdd(gather(x, idx), idx, 0, 6);
  sum(exp(mul(x, 0.1)), 0);
  randomNormal(rt, [8]);
  return undefined;
}

const X = iota([6]);

/** Runs `body` with a fresh input, checking core's and the backend's counters against the state after the input was made. */
function memoryCase(
  name: string,
  body: (rt: Runtime, x: Tensor, base: Record<string, number>, backend: string) => Promise<void> | void,
) {
  return custom('tidy', name, async ({ rt, backend }) => {
    const x = makeTensor(rt, X);
    try {
      await body(rt, x, memorySnapshot(rt, backend), backend);
    } finally {
      x.dispose();
    }
  });
}

const cases: ConformanceCase[] = [
  memoryCase('tensors made and dropped inside tidy are freed', (rt, x, base, backend) => {
    rt.tidy(() => workload(rt, x));
    expect(memorySnapshot(rt, backend)).toEqual(base);
  }),
  memoryCase('tidy keeps what it returns, and only that', async (rt, x, base, backend) => {
    const [a, b] = rt.tidy(() => {
      workload(rt, x);
      return [add(x, 1), exp(x)];
    });
    expect(memorySnapshot(rt, backend).numTensors).toBe(base.numTensors! + 2);
    expect(memorySnapshot(rt, backend).backendBuffers).toBe(base.backendBuffers! + 2);
    await expectTensor(a!, f32([6], [1, 2, 3, 4, 5, 6]));
    rt.dispose([a, b]);
    expect(memorySnapshot(rt, backend)).toEqual(base);
  }),
  memoryCase('keep survives nested tidy scopes', async (rt, x, base, backend) => {
    let kept: Tensor | undefined;
    rt.tidy(() => {
      rt.tidy(() => {
        kept = rt.keep(mul(x, 2));
        return workload(rt, x);
      });
      return workload(rt, x);
    });
    expect(memorySnapshot(rt, backend).numTensors).toBe(base.numTensors! + 1);
    await expectTensor(kept!, f32([6], [0, 2, 4, 6, 8, 10]));
    kept!.dispose();
    expect(memorySnapshot(rt, backend)).toEqual(base);
  }),
  memoryCase('a tidy that throws frees what it made', (rt, x, base, backend) => {
    const bad = () =>
      rt.tidy(() => {
        workload(rt, x);
        return add(x, rt.tensor(new Int32Array([1]), [1]));
      });
    expect(bad).toThrow(DTypeError);
    expect(memorySnapshot(rt, backend)).toEqual(base);
  }),
  memoryCase('repeated steps do not grow memory', (rt, x, base, backend) => {
    for (let i = 0; i < 50; i++) rt.tidy(() => workload(rt, x));
    expect(memorySnapshot(rt, backend)).toEqual(base);
  }),
  memoryCase('a reshape shares one backend buffer, freed with the last view', (rt, x, base, backend) => {
    const v = reshape(x, [2, 3]);
    const after = memorySnapshot(rt, backend);
    expect(after.numTensors).toBe(base.numTensors! + 1);
    expect(after.backendBuffers).toBe(base.backendBuffers);
    expect(after.numBytes).toBe(base.numBytes);
    v.dispose();
    expect(memorySnapshot(rt, backend)).toEqual(base);
  }),
  custom('dispose', 'dispose frees backend buffers of every dtype', ({ rt, backend }) => {
    const base = memorySnapshot(rt, backend);
    const ts = [makeTensor(rt, X), makeTensor(rt, i32([2], [1, 2])), rt.tensor([true, false])];
    expect(memorySnapshot(rt, backend).backendBuffers).toBe(base.backendBuffers! + 3);
    expect(memorySnapshot(rt, backend).backendBytes).toBeGreaterThan(base.backendBytes!);
    rt.dispose(ts);
    expect(memorySnapshot(rt, backend)).toEqual(base);
  }),
];

/** Memory: tidy, keep, views and dispose return core's and the backend's counters to their baseline. */
export function memoryCases(): ConformanceCase[] {
  return cases;
}
