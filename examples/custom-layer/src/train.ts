import { valueAndGrad } from '@descent/autograd';
import { mapParams, mul, type ParamTree, type Runtime, sub, type Tensor } from '@descent/core';
import {
  Constant,
  Dense,
  type LayerParams,
  type Sequential,
  sequential,
  sparseCategoricalCrossentropy,
} from '@descent/layers';
import { PReLU } from './prelu';

/** A small classifier with a PReLU between two Dense layers. */
export function makeModel(rt: Runtime): Sequential {
  return sequential([
    new Dense({ units: 8, inputShape: [2] }),
    new PReLU({ alphaInitializer: new Constant({ value: 0.25 }) }),
    new Dense({ units: 2 }),
  ]).init(rt);
}

/** Points of two interleaved classes (x·y > 0 or not), deterministic. */
export function quadrants(rt: Runtime, n: number): { x: Tensor; y: Tensor } {
  const xs = new Float32Array(n * 2);
  const ys = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.sin(i * 12.9898) * 2;
    const b = Math.cos(i * 78.233) * 2;
    xs.set([a, b], i * 2);
    ys[i] = a * b > 0 ? 1 : 0;
  }
  return { x: rt.tensor(xs, [n, 2]), y: rt.tensor(ys, [n]) };
}

/** Plain gradient descent on the model's trainable parameters; returns the last loss. */
export function train(model: Sequential, x: Tensor, y: Tensor, steps: number, lr = 0.2): number {
  const rt = model.runtime!;
  const loss = sparseCategoricalCrossentropy({ fromLogits: true });
  const lossOf = (p: LayerParams) => loss(y, model.apply(p, x, { training: true }));
  let last = Number.NaN;
  for (let step = 0; step < steps; step++) {
    const params = model.trainableParams();
    const { value, grads } = valueAndGrad(lossOf)(params);
    last = value.dataSync()[0]!;
    const flatGrads = new Map<string, Tensor>();
    mapParams('train', grads as ParamTree, (g, path) => {
      flatGrads.set(path, g);
      return g;
    });
    const next = rt.tidy(() =>
      mapParams('train', params as ParamTree, (w, path) => sub(w, mul(flatGrads.get(path)!, lr))),
    );
    model.assign(next);
    rt.dispose([value, grads as ParamTree, next]);
  }
  return last;
}
