// Runs inside a clean npm project with core, backend-cpu, autograd, layers and optimizers
// installed from tarballs: trains XOR to 100% accuracy and saves the model.
import { autograd, valueAndGrad } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, greater } from '@descent/core';
import { binaryCrossentropy, Dense, layers, saveModel, saveWeights, sequential } from '@descent/layers';
import { adam, applyGradients, disposeState } from '@descent/optimizers';

const dir = process.argv[2];
const rt = createRuntime({ plugins: [cpuBackend(), autograd(), layers()], seed: 1 });
const x = rt.keep(
  rt.tensor([
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ]),
);
const y = rt.keep(rt.tensor([[0], [1], [1], [0]]));
const model = sequential([
  new Dense({ units: 8, activation: 'tanh', inputShape: [2] }),
  new Dense({ units: 1 }),
]).init(rt);
const loss = binaryCrossentropy({ fromLogits: true });
const tx = adam({ learningRate: 0.05 });
let state = tx.init(model.trainableParams());
let last = Number.NaN;
for (let step = 0; step < 300; step++) {
  state = rt.tidy(() => {
    const params = model.trainableParams();
    const { value, grads } = valueAndGrad((p) => loss(y, model.apply(p, x, { training: true })))(params);
    last = value.dataSync()[0];
    const next = applyGradients(tx, params, grads, state);
    model.assign(next.params);
    return next.state;
  });
}
disposeState(state);
const predicted = Array.from(rt.tidy(() => greater(model.call(x), 0)).dataSync(), Number);
if (predicted.join() !== '0,1,1,0') throw new Error(`XOR not learned: ${predicted} (loss ${last})`);
await saveModel(model, dir);
await saveWeights(model, `${dir}/weights.safetensors`);
console.log(`trained XOR: loss ${last.toFixed(4)}, predictions ${predicted}`);
