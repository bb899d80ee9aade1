import type { Tensor } from '@descent/core';
import { afterAll, describe, expect, it } from 'vitest';
import fixtures from '../fixtures/torch-fixtures.json';
import { builtinActivations } from './activations/activation-fn';
import { gelu } from './activations/gelu';
import { builtinLayers } from './layers/builtin-layers';
import { builtinLosses } from './losses/builtin-losses';
import { type FixtureTensor, fromFixture, maxError, runtime } from './test-utils/fixtures';

// Reference: fixtures/make_fixtures.py (PyTorch 1.13, float64 from float32-rounded inputs).
// Checked on the float32 CPU backend: |got - want| ≤ 1e-5·max(1, |want|) for every element.
const TOL = 1e-5;
const worst = new Map<string, number>();
afterAll(() => {
  if (process.env.FIXTURE_REPORT)
    console.log([...worst].map(([k, v]) => `${k}: ${v.toExponential(2)}`).join('\n'));
});

function compare(name: string, got: ArrayLike<number>, want: FixtureTensor | number) {
  const w = typeof want === 'number' ? [want] : want.data;
  const err = maxError(got, w);
  worst.set(name, err);
  expect(err, `${name}: max error ${err}`).toBeLessThanOrEqual(TOL);
}

interface LayerCase {
  kind: string;
  args: Record<string, unknown>;
  inputs: { x: FixtureTensor };
  weights: Record<string, FixtureTensor>;
  training: boolean;
  expected: FixtureTensor;
  state?: Record<string, FixtureTensor>;
}

describe('layers match PyTorch forward outputs', () => {
  const cases = Object.entries(fixtures.layers as Record<string, LayerCase>);
  it('covers every required layer', () => {
    const kinds = new Set(cases.map(([, c]) => c.kind));
    for (const k of ['Dense', 'Conv2D', 'MaxPool2D', 'AvgPool2D', 'BatchNormalization', 'LayerNormalization'])
      expect(kinds.has(k), k).toBe(true);
  });
  it.each(cases)('%s', (name, c) => {
    const rt = runtime();
    const layer = builtinLayers[c.kind]!(c.args as never, { runtime: rt });
    const x = fromFixture(rt, c.inputs.x, c.kind === 'Embedding' ? 'int32' : 'float32');
    layer.init(rt, [null, ...x.shape.slice(1)]);
    layer.assign(Object.fromEntries(Object.entries(c.weights).map(([k, v]) => [k, fromFixture(rt, v)])));
    const y = layer.call(x, { training: c.training });
    expect(y.shape).toEqual(c.expected.shape);
    compare(name, y.dataSync(), c.expected);
    for (const [k, v] of Object.entries(c.state ?? {})) {
      const got = layer.params()[k] as Tensor;
      compare(`${name} ${k}`, got.dataSync(), v);
    }
  });
});

describe('activations match PyTorch', () => {
  const rt = runtime();
  const x = fromFixture(rt, fixtures.activations.x);
  it.each(Object.entries(fixtures.activations.expected as Record<string, FixtureTensor>))(
    '%s',
    (name, want) => {
      const fn = builtinActivations[name];
      expect(fn, name).toBeDefined();
      compare(`activation ${name}`, fn!(x).dataSync(), want);
    },
  );
  it('gelu (tanh approximation)', () => {
    compare('activation gelu tanh', gelu(x, true).dataSync(), fixtures.activations.geluTanh);
  });
  it('covers every built-in activation', () => {
    expect(Object.keys(fixtures.activations.expected).sort()).toEqual(Object.keys(builtinActivations).sort());
  });
});

interface LossCase {
  loss?: string;
  options: Record<string, unknown>;
  yTrue: FixtureTensor;
  yPred: FixtureTensor;
  expected: number | FixtureTensor;
}

describe('losses match PyTorch', () => {
  const rt = runtime();
  const cases = Object.entries(fixtures.losses as Record<string, LossCase>);
  it.each(cases)('%s', (name, c) => {
    const lossName = c.loss ?? name;
    const loss = builtinLosses[lossName]!(c.options as never);
    const sparse = lossName === 'sparseCategoricalCrossentropy';
    const value = loss(fromFixture(rt, c.yTrue, sparse ? 'int32' : 'float32'), fromFixture(rt, c.yPred));
    compare(`loss ${name}`, value.dataSync(), c.expected);
  });
  it('covers every built-in loss, from logits and probabilities', () => {
    const names = new Set(cases.map(([n, c]) => c.loss ?? n));
    expect([...names].sort()).toEqual(Object.keys(builtinLosses).sort());
    expect(cases.some(([n]) => n.startsWith('binaryCrossentropy_probs'))).toBe(true);
    expect(cases.some(([n]) => n.startsWith('binaryCrossentropy_logits'))).toBe(true);
  });
});
