// Runs inside a clean npm project with only core, backend-cpu and layers installed from
// tarballs (no autograd, no optimizers, no gpu.js): loads the saved XOR model and predicts.
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, greater } from '@descent/core';
import { Dense, layers, loadModel, loadWeights, sequential } from '@descent/layers';

const dir = process.argv[2];
const rt = createRuntime({ plugins: [cpuBackend(), layers()] });
const x = rt.tensor([
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
]);
const check = (model, how) => {
  const predicted = Array.from(rt.tidy(() => greater(model.call(x), 0)).dataSync(), Number);
  if (predicted.join() !== '0,1,1,0') throw new Error(`${how}: wrong XOR predictions ${predicted}`);
  console.log(`${how}: predictions ${predicted}`);
};
// The whole model (config + weights) from saveModel.
check(await loadModel(rt, dir), 'loadModel');
// The same architecture built in code, weights from saveWeights.
const model = sequential([
  new Dense({ units: 8, activation: 'tanh', inputShape: [2] }),
  new Dense({ units: 1 }),
]).init(rt);
await loadWeights(model, `${dir}/weights.safetensors`);
check(model, 'loadWeights');
