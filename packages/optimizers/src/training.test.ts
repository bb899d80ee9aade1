import { autograd, valueAndGrad } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import {
  add,
  cast,
  createRuntime,
  greater,
  matmul,
  mean,
  mul,
  randomNormal,
  reshape,
  softplus,
  square,
  sub,
  type Tensor,
} from '@descent/core';
import { describe, expect, it } from 'vitest';
import { applyGradients } from './apply-gradients';
import type { GradientTransform } from './gradient-transform';
import {
  adadelta,
  adagrad,
  adam,
  adamax,
  adamw,
  disposeState,
  lion,
  momentum,
  nadam,
  nesterov,
  rmsprop,
  sgd,
} from './index';

const rt = createRuntime({ plugins: [cpuBackend(), autograd()], seed: 7 });

/** Trains `params` on `loss` for `steps` steps; returns the first and last loss and frees everything. */
function train<P extends Record<string, Tensor>>(
  tx: GradientTransform,
  init: () => P,
  loss: (p: P) => Tensor,
  steps: number,
): { first: number; last: number; params: Record<string, number[]> } {
  const before = rt.memory().numTensors;
  const step = valueAndGrad(loss);
  let params = init();
  let state = tx.init(params);
  let first = Number.NaN;
  let last = Number.NaN;
  for (let i = 0; i < steps; i++) {
    const { value, grads } = step(params);
    last = value.dataSync()[0]!;
    if (i === 0) first = last;
    const next = applyGradients(tx, params, grads, state);
    rt.dispose([value, grads, params]);
    ({ params, state } = next);
  }
  const end = step(params);
  last = end.value.dataSync()[0]!;
  const out = Object.fromEntries(Object.entries(params).map(([k, t]) => [k, Array.from(t.dataSync())]));
  rt.dispose([end.value, end.grads, params]);
  disposeState(state);
  expect(rt.memory().numTensors, 'training left tensors behind').toBe(before);
  return { first, last, params: out };
}

// Learning rates suit each method (Lion's steps are ±lr, Adadelta's start at sqrt(eps); plain
// gradient descent diverges in Rosenbrock's valley above ~4e-3): the claim is that every one of
// them makes clear progress on both problems with a setting of its own.
const ROSENBROCK: Record<string, () => GradientTransform> = {
  sgd: () => sgd({ learningRate: 2e-3 }),
  momentum: () => momentum({ learningRate: 1e-3, momentum: 0.9 }),
  nesterov: () => nesterov({ learningRate: 5e-4, momentum: 0.9 }),
  adam: () => adam({ learningRate: 0.05 }),
  adamw: () => adamw({ learningRate: 0.05, weightDecay: 1e-3 }),
  rmsprop: () => rmsprop({ learningRate: 0.2 }),
  adagrad: () => adagrad({ learningRate: 2 }),
  adadelta: () => adadelta({ learningRate: 20 }),
  adamax: () => adamax({ learningRate: 1 }),
  nadam: () => nadam({ learningRate: 0.05 }),
  lion: () => lion({ learningRate: 0.01 }),
};

const LOGISTIC: Record<string, () => GradientTransform> = {
  sgd: () => sgd({ learningRate: 0.5 }),
  momentum: () => momentum({ learningRate: 0.1 }),
  nesterov: () => nesterov({ learningRate: 0.1 }),
  adam: () => adam({ learningRate: 0.05 }),
  adamw: () => adamw({ learningRate: 0.05 }),
  rmsprop: () => rmsprop({ learningRate: 0.01 }),
  adagrad: () => adagrad({ learningRate: 0.3 }),
  adadelta: () => adadelta({ learningRate: 10 }),
  adamax: () => adamax({ learningRate: 0.05 }),
  nadam: () => nadam({ learningRate: 0.05 }),
  lion: () => lion({ learningRate: 0.01 }),
};

describe('every named optimizer reduces the Rosenbrock function', () => {
  // f(x, y) = (1 - x)² + 100 (y - x²)², from (-1.5, 2) where f = 12.5; the minimum is f(1, 1) = 0.
  const f = ({ x, y }: { x: Tensor; y: Tensor }) =>
    add(square(sub(1, x)), mul(square(sub(y, square(x))), 100));
  const init = () => ({ x: rt.tensor([-1.5]), y: rt.tensor([2]) });
  for (const [name, make] of Object.entries(ROSENBROCK)) {
    it(name, () => {
      const { first, last } = train(make(), init, (p) => reshape(f(p), []), 300);
      if (process.env.REPORT_ERRORS) console.log(`rosenbrock ${name}: ${first} → ${last}`);
      expect(first).toBeCloseTo(12.5, 5);
      expect(last).toBeLessThan(first / 3);
    });
  }
});

describe('every named optimizer reduces a logistic-regression loss', () => {
  // 128 points in 3-D from the runtime's seeded RNG, labelled by a fixed plane: separable, so
  // the loss can go well below its starting log 2 ≈ 0.693.
  const x = rt.keep(randomNormal(rt, [128, 3]));
  const wTrue = rt.keep(rt.tensor([[1.5], [-2], [0.5]]));
  const yf = rt.keep(rt.tidy(() => cast(greater(add(matmul(x, wTrue), 0.3), 0), 'float32')));
  const bce = ({ w, b }: { w: Tensor; b: Tensor }) => {
    const z = add(matmul(x, w), b);
    return mean(sub(softplus(z), mul(yf, z)));
  };
  const init = () => ({ w: rt.tensor([[0], [0], [0]]), b: rt.tensor([0]) });
  for (const [name, make] of Object.entries(LOGISTIC)) {
    it(name, () => {
      const { first, last, params } = train(make(), init, bce, 100);
      if (process.env.REPORT_ERRORS) console.log(`logistic ${name}: ${first} → ${last} w=${params.w}`);
      expect(first).toBeCloseTo(Math.log(2), 5);
      expect(last).toBeLessThan(0.5 * first);
      // It learns the plane's orientation: w points along (1.5, -2, 0.5).
      const [a, b, c] = params.w!;
      expect(a! > 0 && b! < 0 && Math.abs(b!) > Math.abs(c!)).toBe(true);
    });
  }

  it('covers every named optimizer in both problems', () => {
    const all = [
      'sgd',
      'momentum',
      'nesterov',
      'adam',
      'adamw',
      'rmsprop',
      'adagrad',
      'adadelta',
      'adamax',
      'nadam',
      'lion',
    ];
    expect(Object.keys(ROSENBROCK)).toEqual(all);
    expect(Object.keys(LOGISTIC)).toEqual(all);
  });
});
