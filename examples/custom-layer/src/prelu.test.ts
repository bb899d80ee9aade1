import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autograd, gradCheck } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, type Tensor, UnknownPluginError } from '@descent/core';
import { LayerError, layers, loadModel, saveModel } from '@descent/layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PReLU } from './prelu';
import { preluPlugin } from './prelu-plugin';
import { makeModel, quadrants, train } from './train';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'descent-prelu-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const plugins = () => [cpuBackend(), autograd(), layers(), preluPlugin()];

describe('PReLU, a custom layer plugin', () => {
  it('trains, saves, and loads back to identical predictions', async () => {
    const rt = createRuntime({ plugins: plugins(), seed: 1 });
    const model = makeModel(rt);
    expect(model.layers.map((l) => l.name)).toEqual(['dense', 'p_re_lu', 'dense_1']);
    const { x, y } = quadrants(rt, 64);
    const first = train(model, x, y, 1);
    const last = train(model, x, y, 60);
    expect(last).toBeLessThan(first);
    // The slopes learned: no longer all 0.25.
    const alpha = Array.from((model.params().p_re_lu as Record<string, Tensor>).alpha!.dataSync());
    expect(alpha.some((a) => Math.abs(a - 0.25) > 1e-4)).toBe(true);

    await saveModel(model, dir);
    const config = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    expect(config.model.config.layers[1]).toMatchObject({
      className: 'PReLU',
      plugin: '@descent/example-custom-layer',
      config: { name: 'p_re_lu', alphaInitializer: { className: 'constant', config: { value: 0.25 } } },
    });

    const other = createRuntime({ plugins: plugins(), seed: 99 });
    const loaded = await loadModel(other, dir);
    const before = model.call(x).dataSync();
    const after = loaded.call(other.tensor(x.dataSync(), x.shape)).dataSync();
    expect(Array.from(after)).toEqual(Array.from(before));
  });

  it('loading without the plugin fails naming it', async () => {
    const bare = createRuntime({ plugins: [cpuBackend(), layers()] });
    const err = await loadModel(bare, dir).catch((e) => e);
    expect(err).toBeInstanceOf(UnknownPluginError);
    expect(err.message).toContain('"PReLU"');
    expect(err.message).toContain('"@descent/example-custom-layer"');
  });

  it('passes gradCheck with respect to its input and its slopes', () => {
    const rt64 = createRuntime({ plugins: [cpuBackend({ precision: 'float64' }), autograd()], seed: 2 });
    const layer = new PReLU({ alphaInitializer: 'randomNormal' }).init(rt64, [null, 3]);
    const x = rt64.tensor([
      [-1.5, 0.7, -0.2],
      [2, -3, 0.4],
    ]);
    const alpha = layer.params().alpha as Tensor;
    const report = gradCheck((xx, a) => layer.apply({ alpha: a! }, xx!), [x, alpha], { runtime: rt64 });
    expect(report.ok, report.message).toBe(true);
  });

  it('checks its input like the built-ins', () => {
    const rt = createRuntime({ plugins: [cpuBackend()] });
    const layer = new PReLU().init(rt, [null, 3]);
    expect(() => layer.call(rt.tensor([[1, 2]]))).toThrow(LayerError);
    expect(() => layer.call(rt.tensor([[1, 2]]))).toThrow(
      'PReLU "p_re_lu": expected input of shape [null,3], received [1,2]',
    );
  });
});
