import { cpuBackend } from '@descent/backend-cpu';
import { runOptimizerConformance } from '@descent/testing';
import type { GradientTransform } from './gradient-transform';
import {
  adadelta,
  adagrad,
  adam,
  adamax,
  adamw,
  deserializeState,
  lion,
  momentum,
  nadam,
  nesterov,
  rmsprop,
  serializeState,
  sgd,
  skipNonFinite,
} from './index';

/** Every named optimizer, configured to make progress on the kit's quadratic in 100 steps. */
const CONFIGS: Record<string, () => GradientTransform> = {
  sgd: () => sgd({ learningRate: 0.1 }),
  momentum: () => momentum({ learningRate: 0.05, momentum: 0.9, weightDecay: 1e-4 }),
  nesterov: () => nesterov({ learningRate: 0.05 }),
  adam: () => adam({ learningRate: 0.05 }),
  'adam (amsgrad)': () => adam({ learningRate: 0.05, amsgrad: true }),
  adamw: () => adamw({ learningRate: 0.05 }),
  rmsprop: () => rmsprop({ learningRate: 0.02 }),
  'rmsprop (centered, momentum)': () => rmsprop({ learningRate: 0.01, centered: true, momentum: 0.5 }),
  adagrad: () => adagrad({ learningRate: 0.3 }),
  adadelta: () => adadelta({ learningRate: 20 }),
  adamax: () => adamax({ learningRate: 0.05 }),
  nadam: () => nadam({ learningRate: 0.05 }),
  lion: () => lion({ learningRate: 0.02 }),
};

const library = { serializeState, deserializeState, skipNonFinite };

for (const [name, make] of Object.entries(CONFIGS)) {
  runOptimizerConformance({ name, make, plugins: () => [cpuBackend()], library });
}
