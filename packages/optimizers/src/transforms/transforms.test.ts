import { InvalidArgumentError, type ParamTree, type Tensor } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { applyGradients } from '../apply-gradients';
import { chain } from '../chain';
import { ParamMismatchError } from '../errors';
import type { GradientTransform, OptState } from '../gradient-transform';
import { stateTensors } from '../internal/state-tree';
import { adam } from '../optimizers/adam';
import { sgd } from '../optimizers/sgd';
import { constant } from '../schedules/constant';
import { disposeState } from '../state/dispose-state';
import { getHyperparams, setHyperparams } from '../state/set-hyperparams';
import { cpuRuntime, smallParams, valuesOf } from '../test-utils/runtime';
import { accumulateGradients } from './accumulate-gradients';
import { addDecayedWeights } from './add-decayed-weights';
import { clipByGlobalNorm } from './clip-by-global-norm';
import { clipByNorm } from './clip-by-norm';
import { clipByValue } from './clip-by-value';
import { injectHyperparams } from './inject-hyperparams';
import { masked } from './masked';
import { multiTransform } from './multi-transform';
import { scale } from './scale';
import { scaleByLearningRate } from './scale-by-learning-rate';
import { scaleBySchedule } from './scale-by-schedule';
import { skipNonFinite } from './skip-non-finite';
import { trace } from './trace';

const rt = cpuRuntime('float64');

/** One update from a fresh state; returns the update values by path and frees everything. */
function once(tx: GradientTransform, grads: ParamTree, params?: ParamTree): Record<string, number[]> {
  const state = tx.init(params ?? grads);
  const [u, next] = tx.update(grads, state, params);
  const out = valuesOf(u);
  rt.dispose(u);
  disposeState([state, next]);
  return out;
}

/** Runs updates for a list of gradient trees, returning each step's update values. */
function run(tx: GradientTransform, gradsList: ParamTree[], params: ParamTree): Record<string, number[]>[] {
  let state: OptState = tx.init(params);
  const out: Record<string, number[]>[] = [];
  for (const g of gradsList) {
    const [u, next] = tx.update(g, state, params);
    out.push(valuesOf(u));
    rt.dispose(u);
    disposeState(state);
    state = next;
  }
  disposeState(state);
  return out;
}

const expectValues = (got: Record<string, number[]>, want: Record<string, number[]>) => {
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const k of Object.keys(want)) {
    want[k]!.forEach((v, i) => {
      expect(got[k]![i]).toBeCloseTo(v, 12);
    });
  }
};

describe('chain', () => {
  it('feeds each transform the previous one’s updates', () => {
    const g = smallParams(rt);
    expectValues(once(chain(scale(2), scale(-0.5), clipByValue(1.5)), g), {
      'layer/w': [-1, 1.5, -1.5, 1.5],
      b: [-0.5, 0.5],
    });
    rt.dispose(g);
  });

  it('with nothing in it returns new handles on the same values', () => {
    const g = smallParams(rt);
    const tx = chain();
    const [u] = tx.update(g, tx.init(g));
    expect((u as typeof g).b).not.toBe(g.b);
    expect(valuesOf(u)).toEqual(valuesOf(g));
    rt.dispose([u, g]);
  });

  it('addDecayedWeights(0) in a chain gives the same values as new handles, with its checks', () => {
    const g = smallParams(rt);
    const tx = chain(addDecayedWeights(0));
    const [u, s] = tx.update(g, tx.init(g));
    expect((u as typeof g).b).not.toBe(g.b);
    expect(valuesOf(u)).toEqual(valuesOf(g));
    expect(s).toEqual([{}]);
    expectValues(once(chain(addDecayedWeights(0), scale(2)), g), { 'layer/w': [2, -4, 6, -8], b: [1, -1] });
    const stranger = { x: rt.tensor([1]) };
    expect(() => tx.update(g, tx.init(g), stranger)).toThrow(
      /^addDecayedWeights: parameter "x" has no gradient/,
    );
    expect(g.b.isDisposed).toBe(false);
    rt.dispose([u, g, stranger]);
  });
});

describe('applyGradients', () => {
  it('sees a tree as it is at each call: a leaf replaced or added between steps counts', () => {
    const tx = adam({ learningRate: 0.1 });
    const steps = (grads: (i: number) => ParamTree) => {
      let params: ParamTree = smallParams(rt);
      let state: OptState = tx.init(params);
      for (let i = 0; i < 3; i++) {
        const next: { params: ParamTree; state: OptState } = applyGradients(tx, params, grads(i), state);
        rt.dispose(params);
        ({ params, state } = next);
      }
      const out = valuesOf(params);
      rt.dispose(params);
      disposeState(state);
      return out;
    };
    const gs = [smallParams(rt, [1, 1, 1, 1], [1, 1]), smallParams(rt, [-1, 2, 0, 1], [3, -3])];
    // One grads object whose leaves are swapped between steps, against a new object each step.
    const reused = { ...gs[0]! };
    const got = steps((i) => Object.assign(reused, gs[i % 2]));
    expect(got).toEqual(steps((i) => ({ ...gs[i % 2]! })));
    const params = smallParams(rt);
    const state = tx.init(params);
    (reused as ParamTree as Record<string, ParamTree>).extra = rt.tensor([1]);
    expect(() => applyGradients(tx, params, reused, state)).toThrow(ParamMismatchError);
    rt.dispose([gs, params, (reused as ParamTree as Record<string, ParamTree>).extra!]);
    disposeState(state);
  });
});

describe('scaling and clipping', () => {
  it('scale, scaleByLearningRate (negated) and scaleBySchedule (by step)', () => {
    const g = { x: rt.tensor([1, -2]) };
    expectValues(once(scale(3), g), { x: [3, -6] });
    expectValues(once(scaleByLearningRate(0.1), g), { x: [-0.1, 0.2] });
    const steps = run(
      scaleBySchedule((t) => t + 1),
      [g, g, g],
      g,
    );
    expect(steps.map((s) => s.x)).toEqual([
      [1, -2],
      [2, -4],
      [3, -6],
    ]);
    rt.dispose(g);
  });

  it('clipByValue clamps each element', () => {
    const g = { x: rt.tensor([0.5, -3, 7]) };
    expectValues(once(clipByValue(1), g), { x: [0.5, -1, 1] });
    rt.dispose(g);
  });

  it('clipByNorm rescales each parameter on its own', () => {
    const g = { a: rt.tensor([3, 4]), b: rt.tensor(Float64Array.from([0.3, 0.4])) };
    // ‖a‖ = 5 → scaled to norm 1; ‖b‖ = 0.5 ≤ 1 → unchanged.
    expectValues(once(clipByNorm(1), g), { a: [0.6, 0.8], b: [0.3, 0.4] });
    rt.dispose(g);
  });

  it('clipByGlobalNorm rescales all parameters by one factor', () => {
    const g = { a: rt.tensor([3, 0]), b: rt.tensor([[0], [4]]) };
    // global norm 5 → factor 2/5
    expectValues(once(clipByGlobalNorm(2), g), { a: [1.2, 0], b: [0, 1.6] });
    expectValues(once(clipByGlobalNorm(10), g), { a: [3, 0], b: [0, 4] });
    rt.dispose(g);
  });

  it('trace: the first step is the gradient (PyTorch), then decay·trace + (1 - dampening)·g; Nesterov looks ahead', () => {
    const g = { x: rt.tensor([1]) };
    const plain = run(trace({ decay: 0.5, dampening: 0.5 }), [g, g, g], g).map((s) => s.x![0]);
    expect(plain).toEqual([1, 0.5 * 1 + 0.5, 0.5 * 1 + 0.5]);
    const nest = run(trace({ decay: 0.5, nesterov: true }), [g, g], g).map((s) => s.x![0]);
    expect(nest).toEqual([1 + 0.5 * 1, 1 + 0.5 * 1.5]);
    rt.dispose(g);
  });
});

describe('masked and multiTransform', () => {
  it('masked: weight decay on kernels only, biases pass through untouched', () => {
    const params = smallParams(rt);
    const zeros = smallParams(rt, [0, 0, 0, 0], [0, 0]);
    const tx = masked(addDecayedWeights(0.1), (_path, p: Tensor) => p.rank > 1);
    expectValues(once(tx, zeros, params), { 'layer/w': [0.1, -0.2, 0.3, -0.4], b: [0, 0] });
    rt.dispose([params, zeros]);
  });

  it('masked with an object mask needs an entry for every parameter', () => {
    const params = smallParams(rt);
    const tx = masked(addDecayedWeights(0.1), { 'layer/w': true });
    expect(() => tx.init(params)).toThrow(ParamMismatchError);
    expect(() => tx.init(params)).toThrow(/the mask has no entry for parameter "b"/);
    rt.dispose(params);
  });

  it('masked keeps the inner state for the selected parameters only, keyed by their paths', () => {
    const params = smallParams(rt);
    const tx = masked(adam(), { 'layer/w': true, b: false });
    const state = tx.init(params) as { inner: { inner: [unknown, { mu: Record<string, Tensor> }] } };
    expect(Object.keys(state.inner.inner[1].mu)).toEqual(['layer/w']);
    disposeState(state as never);
    rt.dispose(params);
  });

  it('multiTransform: each group gets its own optimizer', () => {
    const params = smallParams(rt);
    const grads = smallParams(rt, [1, 1, 1, 1], [1, 1]);
    const tx = multiTransform(
      { fast: sgd({ learningRate: 1 }), slow: sgd({ learningRate: 0.01 }) },
      (path) => (path === 'b' ? 'slow' : 'fast'),
    );
    expectValues(once(tx, grads, params), { 'layer/w': [-1, -1, -1, -1], b: [-0.01, -0.01] });
    const bad = multiTransform({ fast: sgd() }, { 'layer/w': 'fast', b: 'slow' });
    expect(() => bad.init(params)).toThrow(
      /parameter "b" has label "slow", which names no transform \(labels: "fast"\)/,
    );
    rt.dispose([params, grads]);
  });
});

describe('skipNonFinite', () => {
  it('skips a NaN or infinite gradient: zero updates, inner state untouched, skips counted', () => {
    const params = { x: rt.tensor([1, 2]) };
    const tx = skipNonFinite(adam({ learningRate: 0.1 }));
    let state = tx.init(params);
    const good = { x: rt.tensor([0.5, -0.5]) };
    const bad = { x: rt.tensor([Number.NaN, 1]) };
    const inf = { x: rt.tensor([1, Number.POSITIVE_INFINITY]) };
    const seq: [typeof good, boolean][] = [
      [good, true],
      [bad, false],
      [inf, false],
      [good, true],
    ];
    const counts: number[] = [];
    for (const [g, ok] of seq) {
      const innerBefore = valuesOf(state.inner);
      const [u, next] = tx.update(g, state, params);
      if (!ok) {
        expect(valuesOf(u)).toEqual({ x: [0, 0] });
        expect(valuesOf(next.inner)).toEqual(innerBefore);
        expect(next.lastFinite).toBe(false);
      } else {
        expect(valuesOf(u).x!.every(Number.isFinite)).toBe(true);
      }
      counts.push(next.skipped, next.consecutiveSkipped);
      rt.dispose(u);
      disposeState(state);
      state = next;
    }
    expect(counts).toEqual([0, 0, 1, 1, 2, 2, 2, 0]);
    rt.dispose([params, good, bad, inf]);
    disposeState(state);
  });
});

describe('accumulateGradients', () => {
  it('gives the mean of k gradients to the inner optimizer every k-th update, zeros in between', () => {
    const params = { x: rt.tensor([1, 1]) };
    const gs = [rt.tensor([1, 2]), rt.tensor([3, 4]), rt.tensor([5, 6]), rt.tensor([1, 1])].map((x) => ({
      x,
    }));
    const steps = run(accumulateGradients(sgd({ learningRate: 0.5 }), 3), gs, params);
    expect(steps.map((s) => s.x)).toEqual([
      [0, 0],
      [0, 0],
      [-1.5, -2], // -0.5 · mean([1,3,5], [2,4,6])
      [0, 0],
    ]);
    expect(() => accumulateGradients(sgd(), 0)).toThrow(/"steps" must be an integer >= 1, got 0/);
    rt.dispose([params, gs]);
  });
});

describe('hyperparameters held in state', () => {
  it('injectHyperparams evaluates schedules per step and keeps numbers in state', () => {
    const params = { x: rt.tensor([0]) };
    const g = { x: rt.tensor([1]) };
    const tx = injectHyperparams((h) => scaleByLearningRate(h.lr * h.k), { lr: (t: number) => t + 1, k: 2 });
    const state = tx.init(params);
    expect(state.hyperparams).toEqual({ lr: 1, k: 2 });
    const steps = run(tx, [g, g, g], params);
    expect(steps.map((s) => s.x![0])).toEqual([-2, -4, -6]);
    rt.dispose([params, g]);
    disposeState(state);
  });

  it('setHyperparams changes a named optimizer’s learning rate wherever it sits; getHyperparams reads it', () => {
    const params = { x: rt.tensor([0]) };
    const g = { x: rt.tensor([1]) };
    const tx = skipNonFinite(sgd({ learningRate: 0.1 }));
    let state = tx.init(params);
    expect(getHyperparams(state)).toEqual({ learningRate: 0.1, weightDecay: 0 });
    state = setHyperparams(state, { learningRate: 0.5 });
    const [u, next] = tx.update(g, state, params);
    expect(valuesOf(u)).toEqual({ x: [-0.5] });
    expect(getHyperparams(next).learningRate).toBe(0.5);
    expect(() => setHyperparams(state, { momentum: 0.9 })).toThrow(
      /the state holds no hyperparameter "momentum" \(it holds: learningRate, weightDecay\)/,
    );
    expect(() => getHyperparams({ count: 0 })).toThrow(InvalidArgumentError);
    rt.dispose([params, g, u]);
    disposeState([state, next]);
  });

  it('a schedule as learning rate of a named optimizer', () => {
    const params = { x: rt.tensor([0]) };
    const g = { x: rt.tensor([1]) };
    const steps = run(sgd({ learningRate: (t) => 0.1 * 2 ** t }), [g, g, g], params);
    steps.forEach((s, t) => {
      expect(s.x![0]).toBeCloseTo(-0.1 * 2 ** t, 14);
    });
    const c = run(sgd({ learningRate: constant(0.3) }), [g], params);
    expect(c[0]!.x![0]).toBeCloseTo(-0.3, 14);
    rt.dispose([params, g]);
  });
});

describe('memory', () => {
  it('applyGradients frees updates and the replaced state: live tensors stay flat over many steps', () => {
    const make: Record<string, () => GradientTransform> = {
      adam: () => adam({ amsgrad: true, weightDecay: 0.01 }),
      pipeline: () =>
        skipNonFinite(
          accumulateGradients(
            chain(
              clipByGlobalNorm(1),
              masked(addDecayedWeights(0.1), (_p, t) => t.rank > 1),
              adam(),
            ),
            2,
          ),
        ),
    };
    for (const [name, f] of Object.entries(make)) {
      const tx = f();
      let params = smallParams(rt);
      const grads = smallParams(rt, [0.1, 0.2, 0.3, 0.4], [0.5, 0.6]);
      let state = tx.init(params);
      const first = state;
      const live = rt.memory().numTensors;
      for (let i = 0; i < 30; i++) {
        const next = rt.tidy(() => applyGradients(tx, params, grads, state));
        rt.dispose(params);
        ({ params, state } = next);
        expect(rt.memory().numTensors, `${name}: live tensors after step ${i + 1}`).toBe(live);
      }
      // The first state was disposed when replaced; the latest survived the tidy (kept).
      const firstTensors = stateTensors('test', first);
      expect(firstTensors.length).toBeGreaterThan(0);
      expect(firstTensors.every(({ tensor }) => tensor.isDisposed)).toBe(true);
      expect(stateTensors('test', state).every(({ tensor }) => !tensor.isDisposed && tensor.kept)).toBe(true);
      rt.dispose([params, grads]);
      disposeState(state);
    }
  });
});
