import { valueAndGrad } from '@descent/autograd';
import { matmul, type Runtime, randomNormal, slice, type Tensor } from '@descent/core';
import { adam, applyGradients, disposeState } from '@descent/optimizers';
import { describe, expect, it } from 'vitest';
import type { Layer } from './layer';
import { Conv2D } from './layers/conv2d';
import { Dense } from './layers/dense';
import { Flatten } from './layers/flatten';
import { MaxPool2D } from './layers/max-pool2d';
import { sparseCategoricalCrossentropy } from './losses/sparse-categorical-crossentropy';
import { sequential } from './models/sequential';
import { runtime } from './test-utils/fixtures';

/** Live tensors and bytes in core's books and in the backend's own. */
function figures(rt: Runtime): Record<string, number> {
  const m = rt.memory();
  const b = m.backends.cpu?.backend;
  return { tensors: m.numTensors, bytes: m.numBytes, buffers: b?.buffers ?? 0, backendBytes: b?.bytes ?? 0 };
}

const N = 64;
const BATCH = 16;

/** Trains `model` for `epochs` on a fixed random problem with Adam; figures at each epoch's end. */
function train(rt: Runtime, model: Layer, inputShape: number[], epochs: number): Record<string, number>[] {
  const x = rt.keep(randomNormal(rt, [N, ...inputShape]));
  const labels = rt.keep(
    rt.tensor(
      Int32Array.from({ length: N }, (_, i) => i % 3),
      [N],
      'int32',
    ),
  );
  const loss = sparseCategoricalCrossentropy({ fromLogits: true });
  const tx = adam({ learningRate: 0.01 });
  let state = tx.init(model.trainableParams());
  const ends: Record<string, number>[] = [];
  for (let e = 0; e < epochs; e++) {
    for (let b = 0; b < N; b += BATCH) {
      state = rt.tidy(() => {
        const xb = slice(x, [b], [BATCH]);
        const yb = slice(labels, [b], [BATCH]);
        const params = model.trainableParams();
        const { grads } = valueAndGrad((p) => loss(yb, model.apply(p as never, xb, { training: true })))(
          params,
        );
        const next = applyGradients(tx, params, grads, state);
        model.assign(next.params);
        return next.state;
      });
    }
    ends.push(figures(rt));
  }
  disposeState(state);
  rt.dispose([x, labels]);
  return ends;
}

const mlp = () =>
  sequential([new Dense({ units: 16, activation: 'relu', inputShape: [8] }), new Dense({ units: 3 })]);
const cnn = () =>
  sequential([
    new Conv2D({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [6, 6, 2] }),
    new MaxPool2D(),
    new Flatten(),
    new Dense({ units: 3 }),
  ]);

describe('no leaks on the CPU backend', () => {
  for (const [name, make, shape] of [
    ['MLP', mlp, [8]],
    ['CNN', cnn, [6, 6, 2]],
  ] as const) {
    it(`3 epochs of ${name} training (autograd + Adam + layers) end where the first did`, () => {
      const rt = runtime(1);
      const model = make().init(rt);
      const before = figures(rt);
      const [e1, e2, e3] = train(rt, model, [...shape], 3);
      expect([e2, e3]).toEqual([e1, e1]);
      // Once the data and the optimizer state are freed, only the weights remain.
      expect(figures(rt)).toEqual(before);
      model.dispose();
      expect(figures(rt).tensors).toBe(0);
    });
  }

  it('predict and evaluate loops leave the same tensor count and bytes', async () => {
    const rt = runtime(2);
    const model = mlp().init(rt);
    const x = rt.keep(randomNormal(rt, [BATCH, 8]));
    const labels = rt.keep(rt.tensor(new Int32Array(BATCH), [BATCH], 'int32'));
    const loss = sparseCategoricalCrossentropy({ fromLogits: true });
    const before = figures(rt);
    for (let i = 0; i < 30; i++) {
      const y = rt.tidy(() => model.call(x));
      await y.data();
      y.dispose();
      const l = rt.tidy(() => loss(labels, model.call(x)));
      l.dataSync();
      l.dispose();
      expect(figures(rt)).toEqual(before);
    }
    rt.dispose([x, labels]);
    model.dispose();
  });

  it('an error thrown inside tidy (forward, backward or a kernel) frees everything made so far', () => {
    const rt = runtime(3);
    const model = mlp().init(rt);
    const before = figures(rt);
    const attempts: (() => unknown)[] = [
      () => model.call(randomNormal(rt, [4, 5])), // wrong feature count
      () => {
        randomNormal(rt, [100, 100]);
        throw new Error('user code');
      },
      () =>
        valueAndGrad((p: Record<string, Tensor>) => {
          const h = model.apply(p as never, randomNormal(rt, [4, 8]));
          return matmul(h, randomNormal(rt, [7, 2])); // shapes do not line up
        })(model.trainableParams() as never),
      () => rt.tidy(() => rt.tidy(() => slice(randomNormal(rt, [3]), [5]))),
    ];
    for (const attempt of attempts) {
      expect(() => rt.tidy(attempt as () => Tensor)).toThrow();
      expect(figures(rt)).toEqual(before);
    }
    model.dispose();
  });
});
