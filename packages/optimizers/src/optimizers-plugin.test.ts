import { cpuBackend } from '@descent/backend-cpu';
import {
  createRuntime,
  DuplicateRegistrationError,
  InvalidArgumentError,
  mul,
  type Plugin,
  sign,
  UnknownPluginError,
} from '@descent/core';
import { describe, expect, it } from 'vitest';
import { applyGradients } from './apply-gradients';
import { chain } from './chain';
import type { GradientTransform } from './gradient-transform';
import { namedOptimizers, namedSchedules, optimizers } from './optimizers-plugin';
import { optimizerRef, resolveOptimizer, restoreOptimizer } from './resolve-optimizer';
import { disposeState } from './state/dispose-state';
import { serializeState } from './state/serialize-state';
import { smallParams, valuesOf } from './test-utils/runtime';
import { scaleByLearningRate } from './transforms/scale-by-learning-rate';

/** A custom optimizer plugin written the way a third party would: sign-SGD, registered by name. */
function signSgdPlugin(): Plugin {
  const signSgd = (options: { learningRate?: number } = {}): GradientTransform => {
    const sgn: GradientTransform = {
      init: () => ({}),
      update: (updates) => [
        // biome-ignore lint/suspicious/noExplicitAny: a tiny inline transform over a flat tree
        Object.fromEntries(Object.entries(updates as any).map(([k, g]) => [k, sign(mul(g as never, 1))])),
        {},
      ],
    };
    return chain(sgn, scaleByLearningRate(options.learningRate ?? 0.01));
  };
  return {
    name: 'third-party-sign-sgd',
    version: '2.1.0',
    install: (ctx) => ctx.register('optimizer', 'signSgd', signSgd),
  };
}

describe('the optimizers() plugin', () => {
  it('registers every named optimizer and every schedule by name', () => {
    const rt = createRuntime({ plugins: [cpuBackend(), optimizers()] });
    expect(rt.registry.names('optimizer')).toEqual([
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
    ]);
    expect(rt.registry.get('optimizer', 'adam')).toBe(namedOptimizers.adam);
    expect(rt.registry.find('optimizer', 'lion')?.plugin).toBe('@descent/optimizers');
    expect(rt.registry.names('schedule')).toEqual(Object.keys(namedSchedules));
    expect(rt.registry.get('schedule', 'cosineDecay')({ initValue: 1, decaySteps: 2 })(1)).toBeCloseTo(
      0.5,
      15,
    );
    expect(rt.registry.get('schedule', 'constant')({ value: 3 })(10)).toBe(3);
  });

  it('a custom plugin registers its own factory the same way, and is used by name', () => {
    const rt = createRuntime({ plugins: [cpuBackend(), optimizers(), signSgdPlugin()] });
    const tx = resolveOptimizer(rt, { name: 'signSgd', options: { learningRate: 0.5 } });
    const params = { x: rt.tensor([1, 1, 1]) };
    const grads = { x: rt.tensor([3, -0.1, 0]) };
    const step = applyGradients(tx, params, grads, tx.init(params));
    expect(valuesOf(step.params)).toEqual({ x: [0.5, 1.5, 1] });
    expect(() => rt.use({ ...signSgdPlugin(), name: 'copy' })).toThrow(DuplicateRegistrationError);
    rt.dispose([params, grads, step.params]);
    disposeState(step.state);
  });

  it('resolveOptimizer builds a registered optimizer from its name and options', () => {
    const rt = createRuntime({ plugins: [cpuBackend(), optimizers()] });
    const params = { x: rt.tensor([1]) };
    const tx = resolveOptimizer(rt, { name: 'sgd', options: { learningRate: 0.25 } });
    const step = applyGradients(tx, params, { x: rt.tensor([1]) }, tx.init(params));
    expect(valuesOf(step.params)).toEqual({ x: [0.75] });
    expect(() => resolveOptimizer(rt, { name: 'adam', options: { lr: 1 } })).toThrow(
      /adam: unknown option "lr"/,
    );
    expect(() => resolveOptimizer(rt, 42 as never)).toThrow(InvalidArgumentError);
    rt.dispose([params, step.params]);
    disposeState(step.state);
  });
});

describe('checkpoints refer to optimizers by name', () => {
  it('optimizerRef records the plugin and its version; options must be JSON', () => {
    const rt = createRuntime({ plugins: [cpuBackend(), optimizers(), signSgdPlugin()] });
    expect(optimizerRef(rt, 'adam', { learningRate: 1e-3 })).toEqual({
      name: 'adam',
      plugin: '@descent/optimizers',
      version: '0.0.0',
      options: { learningRate: 1e-3 },
    });
    expect(optimizerRef(rt, 'signSgd')).toEqual({
      name: 'signSgd',
      plugin: 'third-party-sign-sgd',
      version: '2.1.0',
    });
    expect(() => optimizerRef(rt, 'adam', { learningRate: (() => 1) as never })).toThrow(
      /options.learningRate is a function \(a schedule\?\); a checkpoint can only record JSON options/,
    );
    expect(() => optimizerRef(rt, 'nope')).toThrow(UnknownPluginError);
  });

  it('restoreOptimizer resumes training from a checkpoint exactly', async () => {
    const rt = createRuntime({ plugins: [cpuBackend(), optimizers()] });
    const tx = resolveOptimizer(rt, { name: 'adamw', options: { learningRate: 0.1 } });
    let params = smallParams(rt);
    const grads = smallParams(rt, [1, -1, 2, -2], [0.5, 0.25]);
    let state = tx.init(params);
    for (let i = 0; i < 2; i++) {
      const next = applyGradients(tx, params, grads, state);
      rt.dispose(params);
      ({ params, state } = next);
    }
    const saved = await serializeState(state, {
      optimizer: optimizerRef(rt, 'adamw', { learningRate: 0.1 }),
    });
    const file = { json: JSON.parse(JSON.stringify(saved.json)), payload: saved.payload.slice() };

    const rt2 = createRuntime({ plugins: [cpuBackend(), optimizers()] });
    const restored = restoreOptimizer(rt2, file);
    const params2 = smallParams(rt2, ...(Object.values(valuesOf(params)) as [number[], number[]]));
    const grads2 = smallParams(rt2, [1, -1, 2, -2], [0.5, 0.25]);
    const a = applyGradients(tx, params, grads, state);
    const b = applyGradients(restored.transform, params2, grads2, restored.state);
    expect(valuesOf(b.params)).toEqual(valuesOf(a.params));
    rt.dispose([params, grads, a.params]);
    rt2.dispose([params2, grads2, b.params]);
    disposeState([a.state, b.state]);
  });

  it('a checkpoint whose optimizer plugin is missing fails naming it, before allocating anything', async () => {
    const rt = createRuntime({ plugins: [cpuBackend(), optimizers(), signSgdPlugin()] });
    const params = { x: rt.tensor([1, 2]) };
    const tx = resolveOptimizer(rt, 'signSgd');
    const state = tx.init(params);
    const custom = await serializeState(state, { optimizer: optimizerRef(rt, 'signSgd') });
    const builtIn = await serializeState(adamState(rt, params), { optimizer: optimizerRef(rt, 'adam') });

    const bare = createRuntime({ plugins: [cpuBackend()] });
    let err: unknown;
    try {
      restoreOptimizer(bare, custom);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnknownPluginError);
    expect((err as Error).message).toBe(
      'Unknown optimizer "signSgd". The state was saved with the optimizer "signSgd" of plugin "third-party-sign-sgd" 2.1.0, which this runtime does not have: install third-party-sign-sgd and add its plugin to the runtime. No optimizer is registered.',
    );
    // A built-in name: core's registry names the package that provides optimizers.
    expect(() => restoreOptimizer(bare, builtIn)).toThrow(/install @descent\/optimizers and add its plugin/);
    expect(() => resolveOptimizer(bare, 'adam')).toThrow(
      /Unknown optimizer "adam"\. No optimizer is registered\. It is provided by @descent\/optimizers/,
    );
    // With optimizers() but not the custom plugin, the registered names are listed.
    const partial = createRuntime({ plugins: [cpuBackend(), optimizers()] });
    expect(() => restoreOptimizer(partial, custom)).toThrow(/Registered: sgd, momentum, .*lion\./);
    expect(bare.memory().numTensors).toBe(0);
    const unnamed = await serializeState(state);
    expect(() => restoreOptimizer(bare, unnamed)).toThrow(/records no optimizer/);
    rt.dispose(params);
    disposeState(state);
  });
});

function adamState(rt: ReturnType<typeof createRuntime>, params: { x: ReturnType<typeof rt.tensor> }) {
  return resolveOptimizer(rt, 'adam').init(params);
}
