import { autograd } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, UnknownPluginError } from '@descent/core';
import {
  applyGradients,
  disposeState,
  getHyperparams,
  optimizerRef,
  optimizers,
  resolveOptimizer,
  restoreOptimizer,
  serializeState,
  setHyperparams,
} from '@descent/optimizers';
import { describe, expect, it } from 'vitest';
import { adabelief } from './adabelief';
import { adaBeliefPlugin, PLUGIN_NAME } from './adabelief-plugin';
import { trainLogisticRegression } from './train';

const withPlugin = () =>
  createRuntime({ plugins: [cpuBackend(), autograd(), optimizers(), adaBeliefPlugin()], seed: 3 });

describe('the AdaBelief plugin, used by name', () => {
  it('registers "adabelief" beside the built-ins', () => {
    const rt = withPlugin();
    expect(rt.registry.get('optimizer', 'adabelief')).toBe(adabelief);
    expect(rt.registry.find('optimizer', 'adabelief')?.plugin).toBe(PLUGIN_NAME);
    expect(rt.registry.names('optimizer')).toContain('adam');
  });

  it('trains logistic regression when looked up by name, leaving no tensor behind', () => {
    const rt = withPlugin();
    const { first, last } = trainLogisticRegression(
      rt,
      { name: 'adabelief', options: { learningRate: 0.05 } },
      100,
    );
    expect(first).toBeCloseTo(Math.log(2), 5);
    expect(last).toBeLessThan(0.3);
    expect(rt.memory().numTensors).toBe(0);
  });

  it('holds its learning rate in state, so a callback can change it', () => {
    const rt = withPlugin();
    const tx = resolveOptimizer(rt, 'adabelief');
    const params = { x: rt.tensor([1]) };
    const state = setHyperparams(tx.init(params), { learningRate: 0.5 });
    expect(getHyperparams(state).learningRate).toBe(0.5);
    const step = applyGradients(tx, params, { x: rt.tensor([2]) }, state);
    // AdaBelief's first step is -lr·g/sqrt(β1²g² + ε/(1-β2)) ≈ -lr·sign(g)/β1: here the new lr, 0.5.
    expect(step.params.x.dataSync()[0]).toBeCloseTo(1 - 0.5 / 0.9, 5);
    rt.dispose([params, step.params]);
    disposeState(step.state);
  });

  it('a checkpoint of its state resumes where the plugin is installed and names the plugin where it is not', async () => {
    const rt = withPlugin();
    const tx = resolveOptimizer(rt, { name: 'adabelief', options: { learningRate: 0.1 } });
    const params = { x: rt.tensor([1, 2]) };
    const step = applyGradients(tx, params, { x: rt.tensor([0.5, -0.5]) }, tx.init(params));
    const saved = await serializeState(step.state, {
      optimizer: optimizerRef(rt, 'adabelief', { learningRate: 0.1 }),
    });
    const checkpoint = { json: JSON.parse(JSON.stringify(saved.json)), payload: saved.payload.slice() };

    const restored = restoreOptimizer(withPlugin(), checkpoint);
    expect(getHyperparams(restored.state).learningRate).toBe(0.1);
    disposeState(restored.state);

    const without = createRuntime({ plugins: [cpuBackend(), optimizers()] });
    expect(() => restoreOptimizer(without, checkpoint)).toThrow(UnknownPluginError);
    expect(() => restoreOptimizer(without, checkpoint)).toThrow(
      `Unknown optimizer "adabelief". The state was saved with the optimizer "adabelief" of plugin "${PLUGIN_NAME}" 0.0.0, which this runtime does not have: install ${PLUGIN_NAME} and add its plugin to the runtime.`,
    );
    rt.dispose([params, step.params]);
    disposeState(step.state);
  });
});
