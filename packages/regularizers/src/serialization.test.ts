import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clip, mul, type Plugin, sqrt, square, sum, type Tensor, UnknownPluginError } from '@descent/core';
import {
  Dense,
  loadModel,
  modelFromJSON,
  modelToJSON,
  saveModel,
  sequential,
  type Variable,
} from '@descent/layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxNorm } from './constraints/max-norm';
import { nonNeg } from './constraints/non-neg';
import { defineConstraint } from './define-constraint';
import { definePenalty } from './define-penalty';
import { RegularizerConfigError } from './errors';
import { l1 } from './penalties/l1';
import { l2 } from './penalties/l2';
import type { ConstraintFactory, RegularizerFactory } from './registry-kinds';
import { builtinConstraints, builtinRegularizers } from './regularizers-plugin';
import { runtime, scalar, values } from './test-utils/runtime';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'descent-regularizers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The variable at `path` of a model. */
function variable(model: { variables(): { path: string; variable: Variable }[] }, path: string): Variable {
  const found = model.variables().find((v) => v.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found.variable;
}

describe('the regularizers() plugin', () => {
  it('registers the built-ins under kinds regularizer and constraint, typed by RegistryKinds', () => {
    const rt = runtime(1);
    expect(rt.registry.names('regularizer').sort()).toEqual(['L1', 'L1L2', 'L2', 'l1', 'l1l2', 'l2']);
    expect(rt.registry.names('constraint').sort()).toEqual([
      'MaxNorm',
      'MinMaxNorm',
      'NonNeg',
      'UnitNorm',
      'maxNorm',
      'minMaxNorm',
      'nonNeg',
      'unitNorm',
    ]);
    expect(rt.registry.find('regularizer', 'L2')?.plugin).toBe('@descent/regularizers');
    // Typed lookups: no casts needed.
    const makeL2: RegularizerFactory = rt.registry.get('regularizer', 'L2');
    const makeMaxNorm: ConstraintFactory = rt.registry.get('constraint', 'MaxNorm');
    expect(makeL2({ l2: 0.5 }).getConfig?.()).toEqual({ l2: 0.5 });
    expect(makeMaxNorm({ maxValue: 3 }).getConfig?.()).toEqual({ maxValue: 3, axis: 0 });
    expect(Object.keys(builtinRegularizers)).toHaveLength(6);
    expect(Object.keys(builtinConstraints)).toHaveLength(8);
  });

  it('a missing plugin is named when a config refers to a built-in', () => {
    const rt = runtime(1, { regularizers: false });
    expect(() =>
      sequential([new Dense({ units: 2, inputShape: [3], kernelRegularizer: 'l2' })]).init(rt),
    ).toThrow(/Unknown regularizer "l2".*@descent\/regularizers/);
  });
});

describe('a saved model keeps its penalties and constraints', () => {
  it('save → load of a Dense layer with kernelRegularizer l2 and kernelConstraint maxNorm', async () => {
    const a = runtime(5);
    const model = sequential([
      new Dense({
        units: 3,
        inputShape: [4],
        kernelRegularizer: l2(0.01),
        kernelConstraint: maxNorm(2),
        biasRegularizer: l1(0.5),
        biasConstraint: nonNeg(),
        biasInitializer: 'ones',
      }),
    ]).init(a);
    await saveModel(model, join(dir, 'dense'));
    const json = JSON.parse(await readFile(join(dir, 'dense', 'model.json'), 'utf8'));
    expect(json.model.config.layers[0].config).toMatchObject({
      kernelRegularizer: { className: 'L2', config: { l2: 0.01 } },
      kernelConstraint: { className: 'MaxNorm', config: { maxValue: 2, axis: 0 } },
      biasRegularizer: { className: 'L1', config: { l1: 0.5 } },
      biasConstraint: { className: 'NonNeg', config: {} },
    });

    const b = runtime(6);
    const loaded = await loadModel(b, join(dir, 'dense'));
    const kernel = variable(loaded, 'dense/kernel');
    expect(kernel.regularizer?.className).toBe('L2');
    expect(kernel.regularizer?.getConfig?.()).toEqual({ l2: 0.01 });
    expect(kernel.constraint?.className).toBe('MaxNorm');
    expect(kernel.constraint?.getConfig?.()).toEqual({ maxValue: 2, axis: 0 });
    expect(variable(loaded, 'dense/bias').constraint?.className).toBe('NonNeg');

    // Same penalty: 0.01·Σkernel² + 0.5·Σ|bias| (bias = ones: 1.5).
    const k = values(variable(model, 'dense/kernel').value);
    const expected = 0.01 * k.reduce((s, v) => s + v * v, 0) + 1.5;
    expect(scalar(loaded.regularizationLoss())).toBeCloseTo(expected, 5);
    expect(scalar(loaded.regularizationLoss())).toBeCloseTo(scalar(model.regularizationLoss()), 6);

    // The constraints act after a load too: a large kernel is brought back to column norms ≤ 2.
    loaded.assign({
      dense: {
        kernel: b.tensor(
          k.map((v) => v * 100),
          [4, 3],
        ),
        bias: b.tensor([-1, 2, -3]),
      },
    });
    loaded.applyConstraints();
    const kv = values(variable(loaded, 'dense/kernel').value);
    for (let j = 0; j < 3; j++) {
      const n = Math.hypot(kv[j]!, kv[3 + j]!, kv[6 + j]!, kv[9 + j]!);
      expect(n).toBeCloseTo(2, 5);
    }
    expect(values(variable(loaded, 'dense/bias').value).map((v) => v + 0)).toEqual([0, 2, 0]);
    // And it saves again to the same config.
    expect(modelToJSON(loaded).model).toEqual(json.model);
  });

  it('string specs resolve to the defaults and round-trip by name', () => {
    const rt = runtime(7);
    const model = sequential([
      new Dense({ units: 2, inputShape: [2], kernelRegularizer: 'l1l2', kernelConstraint: 'unitNorm' }),
    ]).init(rt);
    const kernel = variable(model, 'dense/kernel');
    expect(kernel.regularizer?.getConfig?.()).toEqual({ l1: 0.01, l2: 0.01 });
    expect(kernel.constraint?.getConfig?.()).toEqual({ axis: 0 });
    const again = modelFromJSON(runtime(8), modelToJSON(model));
    expect(variable(again, 'dense/kernel').regularizer?.className).toBe('L1L2');
  });

  it('an out-of-range option in a saved config is a typed error on load', () => {
    const rt = runtime(9);
    const json = modelToJSON(
      sequential([new Dense({ units: 2, inputShape: [2], kernelRegularizer: l2(0.1) })]).init(rt),
    );
    const layer = (json.model.config as { layers: { config: Record<string, unknown> }[] }).layers[0]!;
    layer.config.kernelRegularizer = { className: 'L2', config: { l2: -0.1 } };
    expect(() => modelFromJSON(runtime(10), json)).toThrow(RegularizerConfigError);
    layer.config.kernelRegularizer = { className: 'L2', config: { l2: 0.1, l1: 0.2 } };
    expect(() => modelFromJSON(runtime(10), json)).toThrow(/L2: unknown option "l1" \(options: l2\)/);
  });
});

describe('custom penalties and constraints from a plugin round-trip through a saved model', () => {
  /** Group lasso: λ·Σ_j ‖w[:, j]‖₂. */
  const groupLasso = definePenalty({
    className: 'GroupLasso',
    defaults: { lambda: 0.01 },
    penalty: (w, { lambda }) => mul(sum(sqrt(sum(square(w), 0))), lambda),
  });
  const clipValue = defineConstraint({
    className: 'ClipValue',
    defaults: { limit: 1 },
    apply: (w: Tensor, { limit }) => clip(w, -limit, limit),
  });
  const myPlugin: Plugin = {
    name: 'my-penalties',
    version: '1.0.0',
    install(ctx) {
      ctx.register('regularizer', 'GroupLasso', groupLasso);
      ctx.register('constraint', 'ClipValue', clipValue);
    },
  };

  it('saves by className with the options, loads through the plugin, computes the same', async () => {
    const a = runtime(12);
    const model = sequential([
      new Dense({
        units: 3,
        inputShape: [2],
        kernelRegularizer: groupLasso({ lambda: 0.5 }),
        kernelConstraint: clipValue({ limit: 0.25 }),
      }),
    ]).init(a);
    await saveModel(model, join(dir, 'custom'));
    const json = JSON.parse(await readFile(join(dir, 'custom', 'model.json'), 'utf8'));
    expect(json.model.config.layers[0].config.kernelRegularizer).toEqual({
      className: 'GroupLasso',
      config: { lambda: 0.5 },
    });
    expect(json.model.config.layers[0].config.kernelConstraint).toEqual({
      className: 'ClipValue',
      config: { limit: 0.25 },
    });

    await expect(loadModel(runtime(13), join(dir, 'custom'))).rejects.toThrow(UnknownPluginError);
    await expect(loadModel(runtime(13), join(dir, 'custom'))).rejects.toThrow(
      /Unknown regularizer "GroupLasso"/,
    );

    const b = runtime(14);
    b.use(myPlugin);
    const loaded = await loadModel(b, join(dir, 'custom'));
    const k = values(variable(model, 'dense/kernel').value);
    const expected = 0.5 * [0, 1, 2].reduce((s, j) => s + Math.hypot(k[j]!, k[3 + j]!), 0);
    expect(scalar(loaded.regularizationLoss())).toBeCloseTo(expected, 5);
    loaded.applyConstraints();
    for (const v of values(variable(loaded, 'dense/kernel').value))
      expect(Math.abs(v)).toBeLessThanOrEqual(0.25);
  });
});
