import {
  add,
  BackendMismatchError,
  cast,
  concat,
  conv2d,
  DisposedTensorError,
  exp,
  gather,
  greater,
  matmul,
  maxPool,
  reshape,
  slice,
  softmax,
  sum,
  type Tensor,
  where,
} from '@descent/core';
import { expect } from 'vitest';
import { type ConformanceCase, custom, error, filled, iota } from '../internal/case';
import { makeTensor } from '../internal/harness';

/** [op, use]: `d` is disposed, `live` is not; both float32 [1,2,2,1]. */
const DISPOSED: [string, (d: Tensor, live: Tensor) => unknown][] = [
  ['exp', (d) => exp(d)],
  ['add', (d, live) => add(live, d)],
  ['where', (d, live) => where(greater(live, 0), live, d)],
  ['matmul', (d, live) => matmul(live, d, { transposeB: true })],
  ['concat', (d, live) => concat([live, d])],
  ['sum', (d) => sum(d)],
  ['reshape', (d) => reshape(d, [4])],
  ['cast', (d) => cast(d, 'int32')],
  ['slice', (d) => slice(d, [0, 0, 0, 0])],
  ['gather', (d, live) => gather(d, cast(live, 'int32'), 1)],
  ['conv2d', (d, live) => conv2d(d, reshape(slice(live, [0, 0, 0, 0], [1, 1, 1, 1]), [1, 1, 1, 1]))],
  ['maxPool', (d) => maxPool(d, { windowSize: 1 })],
  ['softmax', (d) => softmax(d)],
];

const X = iota([1, 2, 2, 1]);

const disposedOps = DISPOSED.map(([op, use]) =>
  error(
    op,
    'a disposed input',
    [X, filled([1, 2, 2, 1], 0)],
    ([d, live]) => {
      d!.dispose();
      return use(d!, live!);
    },
    DisposedTensorError,
  ),
);

const disposedReads = custom(
  'read',
  'data(), dataSync() and array() of a disposed tensor throw DisposedTensorError',
  async ({ rt }) => {
    const t = makeTensor(rt, X);
    t.dispose();
    t.dispose(); // idempotent
    expect(t.isDisposed).toBe(true);
    await expect(t.data()).rejects.toThrow(DisposedTensorError);
    await expect(t.array()).rejects.toThrow(DisposedTensorError);
    expect(() => t.dataSync()).toThrow(DisposedTensorError);
  },
);

const otherRuntime = custom(
  'add',
  'tensors of two runtimes do not mix (BackendMismatchError)',
  ({ rt, freshRuntime }) => {
    const other = freshRuntime();
    const a = makeTensor(rt, X);
    const b = makeTensor(other, X);
    try {
      expect(() => add(a, b)).toThrow(BackendMismatchError);
    } finally {
      a.dispose();
      b.dispose();
    }
    expect(other.memory().numTensors).toBe(0);
  },
);

/** Cross-cutting errors: a disposed tensor in any op or read; tensors of another runtime. */
export function errorCases(): ConformanceCase[] {
  return [...disposedOps, disposedReads, otherRuntime];
}
