import { autograd, valueAndGrad } from '@descent/autograd';
import { createRuntime, type Runtime, randomNormal, slice } from '@descent/core';
import {
  Conv2D,
  Dense,
  Flatten,
  type Layer,
  layers,
  MaxPool2D,
  sequential,
  sparseCategoricalCrossentropy,
} from '@descent/layers';
import { adam, applyGradients, disposeState } from '@descent/optimizers';
import { describe, expect, it } from 'vitest';
import { gpujsBackend } from './index';
import { gpuResources } from './test-utils/training-suite';

/**
 * Core's live tensors and bytes, the backend's textures and bytes, and the GL textures alive in
 * the driver beyond one per cached gpu.js kernel (each compiled kernel keeps its output texture).
 */
function figures(rt: Runtime, driver: () => number): Record<string, number> {
  const m = rt.memory();
  const b = m.backends.gpujs?.backend as Record<string, number> | undefined;
  return {
    tensors: m.numTensors,
    bytes: m.numBytes,
    textures: b?.textures ?? -1,
    backendBytes: b?.bytes ?? -1,
    glTexturesBeyondKernels: driver() - (b?.kernels ?? 0),
  };
}

const N = 48;
const BATCH = 16;

/** Adam on layers' model with autograd, all on gpu.js; figures at each epoch's end. */
async function train(rt: Runtime, model: Layer, inputShape: number[], epochs: number, driver: () => number) {
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
      let value: ReturnType<typeof loss> | undefined;
      state = rt.tidy(() => {
        const params = model.trainableParams();
        const xb = slice(x, [b], [BATCH]);
        const yb = slice(labels, [b], [BATCH]);
        const step = valueAndGrad((p) => loss(yb, model.apply(p as never, xb, { training: true })))(params);
        value = rt.keep(step.value);
        const next = applyGradients(tx, params, step.grads, state);
        model.assign(next.params);
        return next.state;
      });
      await value!.data(); // one readback per step, like the trainer
      value!.dispose();
    }
    ends.push(figures(rt, driver));
  }
  disposeState(state);
  rt.dispose([x, labels]);
  return ends;
}

describe('no leaks on gpu.js (headless-gl)', () => {
  for (const [name, make, shape] of [
    [
      'MLP',
      () =>
        sequential([new Dense({ units: 16, activation: 'relu', inputShape: [8] }), new Dense({ units: 3 })]),
      [8],
    ],
    [
      'CNN',
      () =>
        sequential([
          new Conv2D({
            filters: 4,
            kernelSize: 3,
            padding: 'same',
            activation: 'relu',
            inputShape: [6, 6, 2],
          }),
          new MaxPool2D(),
          new Flatten(),
          new Dense({ units: 3 }),
        ]),
      [6, 6, 2],
    ],
  ] as const) {
    it(`3 epochs of ${name} training end with the tensors, bytes and textures of the first`, async () => {
      const rt = createRuntime({
        plugins: [gpujsBackend({ mode: 'headlessgl' }), autograd(), layers()],
        backend: 'gpujs',
        seed: 1,
      });
      const model = make().init(rt); // creates the GL context; the driver count starts from here
      const driver = gpuResources(rt);
      const before = figures(rt, driver);
      const [e1, e2, e3] = await train(rt, model, [...shape], 3, driver);
      expect([e2, e3]).toEqual([e1, e1]);
      // Every tensor and texture of ours is freed; the driver keeps a few textures gpu.js made once
      // during the first epoch (a constant, checked equal at every epoch's end above).
      const { glTexturesBeyondKernels: gl, ...ours } = figures(rt, driver);
      const { glTexturesBeyondKernels: gl0, ...ours0 } = before;
      expect(ours).toEqual(ours0);
      expect(gl! - gl0!).toBeLessThanOrEqual(e1!.glTexturesBeyondKernels! - gl0!);
      // Predict loop: same figures after every call.
      const x = rt.keep(randomNormal(rt, [4, ...shape]));
      const base = figures(rt, driver);
      for (let i = 0; i < 10; i++) {
        const y = rt.tidy(() => model.call(x));
        await y.data();
        y.dispose();
        expect(figures(rt, driver)).toEqual(base);
      }
      // An error inside tidy frees the textures made before it (the first call compiles and
      // caches the random kernels for the new shape; the repeats must add nothing).
      const failing = () => expect(() => rt.tidy(() => model.call(randomNormal(rt, [2, 5])))).toThrow();
      failing();
      const { glTexturesBeyondKernels: _, ...baseOurs } = base;
      const { glTexturesBeyondKernels: gl1, ...afterFirst } = figures(rt, driver);
      expect(afterFirst).toEqual(baseOurs);
      for (let i = 0; i < 5; i++) {
        failing();
        expect(figures(rt, driver)).toEqual({ ...baseOurs, glTexturesBeyondKernels: gl1 });
      }
      x.dispose();
      model.dispose();
      rt.backend('gpujs').destroy?.();
    });
  }
});
