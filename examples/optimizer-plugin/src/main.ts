import { autograd } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime } from '@descent/core';
import { optimizers } from '@descent/optimizers';
import { adaBeliefPlugin } from './adabelief-plugin';
import { trainLogisticRegression } from './train';

// The custom optimizer is one more plugin; from here on it is used by name, like 'adam'.
const rt = createRuntime({ plugins: [cpuBackend(), autograd(), optimizers(), adaBeliefPlugin()], seed: 0 });

for (const name of ['adabelief', 'adam']) {
  const { first, last } = trainLogisticRegression(
    rt,
    { name, options: { learningRate: 0.05 } },
    200,
    (step, loss) => {
      if (step % 50 === 0)
        console.log(`${name.padEnd(9)} step ${String(step).padStart(3)}  loss ${loss.toFixed(4)}`);
    },
  );
  console.log(`${name.padEnd(9)} loss ${first.toFixed(4)} → ${last.toFixed(4)}\n`);
}
console.log(`live tensors at the end: ${rt.memory().numTensors}`);
