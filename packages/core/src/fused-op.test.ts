import { describe, expect, it } from 'vitest';
import type { FusedKernel } from './fused-op';
import { add, createRuntime, defineFusedOp, InvalidArgumentError, mul, type Tensor } from './index';
import { type MiniBackend, miniBackend } from './test-utils/mini-backend';

// a·x + y and x + y as one fused op with two outputs; its composite uses the mini backend's add/mul.
const axpy = defineFusedOp<{ a: number }>({
  name: 'axpy',
  package: 'test',
  infer: ([x]) => [
    { shape: x!.shape, dtype: 'float32' },
    { shape: x!.shape, dtype: 'float32' },
  ],
  fallback: ([x, y], { a }) => [add(mul(x!, a), y!), add(x!, y!)],
});

const fusedAxpy = (
  calls: string[],
  misbehave?: 'alias' | 'count',
): FusedKernel<{ a: number }, MiniBackend> => ({
  op: 'axpy',
  backend: 'mini',
  fused: true,
  fn: ({ inputs: [x, y], attrs, backend, outs }) => {
    calls.push('kernel');
    if (misbehave === 'alias') return [x!, y!];
    const [xs, ys] = [backend.values(x!), backend.values(y!)];
    const made = [
      backend.write(
        Float32Array.from(xs, (v, i) => attrs.a * v + ys[i]!),
        outs[0]!.shape,
        'float32',
      ),
      backend.write(
        Float32Array.from(xs, (v, i) => v + ys[i]!),
        outs[1]!.shape,
        'float32',
      ),
    ];
    return misbehave === 'count' ? made.slice(0, 1) : made;
  },
});

const setup = (kernel?: FusedKernel) => {
  const rt = createRuntime({ plugins: [miniBackend('mini')] });
  if (kernel)
    rt.use({ name: 'fused', version: '1.0.0', install: (ctx) => ctx.registerFusedKernels([kernel]) });
  return { rt, x: rt.tensor([1, 2, 3]), y: rt.tensor([10, 20, 30]) };
};
const values = (ts: Tensor[]) => ts.map((t) => Array.from(t.dataSync()));

describe('fused ops', () => {
  it('run the composite where the backend has no fused kernel', () => {
    const { rt, x, y } = setup();
    const ops: string[] = [];
    const before = rt.memory().numTensors;
    const out = rt.runFused(axpy, [x, y], { a: 2 });
    expect(values(out)).toEqual([
      [12, 24, 36],
      [11, 22, 33],
    ]);
    // Only the outputs survive: the composite's temporaries are disposed.
    expect(rt.memory().numTensors).toBe(before + 2);
    rt.onOp((r) => ops.push(r.op.name));
    rt.runFused(axpy, [x, y], { a: 2 });
    expect(ops).toEqual(['mul', 'add', 'add']);
  });

  it("run the backend's fused kernel in one call when nothing is recording", () => {
    const calls: string[] = [];
    const { rt, x, y } = setup(fusedAxpy(calls));
    expect(values(rt.runFused(axpy, [x, y], { a: 2 }))).toEqual([
      [12, 24, 36],
      [11, 22, 33],
    ]);
    expect(calls).toEqual(['kernel']);
  });

  it('run the composite while an op listener (autograd) records, so it sees primitives', () => {
    const calls: string[] = [];
    const { rt, x, y } = setup(fusedAxpy(calls));
    const ops: string[] = [];
    const stop = rt.onOp((r) => ops.push(r.op.name));
    expect(values(rt.runFused(axpy, [x, y], { a: 3 }))[0]).toEqual([13, 26, 39]);
    stop();
    expect(calls).toEqual([]);
    expect(ops).toEqual(['mul', 'add', 'add']);
  });

  it('reject a kernel that aliases an input or returns too few outputs', () => {
    for (const bad of ['alias', 'count'] as const) {
      const { rt, x, y } = setup(fusedAxpy([], bad));
      expect(() => rt.runFused(axpy, [x, y], { a: 1 })).toThrow(InvalidArgumentError);
      expect(() => rt.runFused(axpy, [x, y], { a: 1 })).toThrow(/axpy: kernel on backend "mini" returned/);
    }
  });

  it('keep fused and plain kernels apart', () => {
    const { rt, x, y } = setup();
    rt.use({
      name: 'wrong',
      version: '1.0.0',
      install: (ctx) => ctx.registerFusedKernels([{ ...fusedAxpy([]), op: 'add' }], { replace: true }),
    });
    expect(() => add(x, y)).toThrow(/add: a fused kernel is registered/);
  });
});
