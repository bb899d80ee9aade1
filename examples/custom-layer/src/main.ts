// A custom layer end to end: train a model that uses PReLU, save it, load it in a fresh
// runtime (with the plugin that registers PReLU) and check the predictions are identical.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autograd } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime } from '@descent/core';
import { layers, loadModel, saveModel } from '@descent/layers';
import { preluPlugin } from './prelu-plugin';
import { makeModel, quadrants, train } from './train';

const rt = createRuntime({ plugins: [cpuBackend(), autograd(), layers(), preluPlugin()], seed: 1 });
const model = makeModel(rt);
model.summary();
const { x, y } = quadrants(rt, 256);
console.log(`loss after 200 steps: ${train(model, x, y, 200).toFixed(4)}`);

const dir = await mkdtemp(join(tmpdir(), 'descent-prelu-'));
await saveModel(model, dir);
const other = createRuntime({ plugins: [cpuBackend(), layers(), preluPlugin()] });
const loaded = await loadModel(other, dir);
const a = model.call(x).dataSync();
const b = loaded.call(other.tensor(x.dataSync(), x.shape)).dataSync();
console.log(
  `saved to ${dir} and loaded back: predictions ${a.every((v, i) => v === b[i]) ? 'identical' : 'DIFFER'}`,
);
await rm(dir, { recursive: true, force: true });
