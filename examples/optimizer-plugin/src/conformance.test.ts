import { cpuBackend } from '@descent/backend-cpu';
import * as optimizers from '@descent/optimizers';
import { runOptimizerConformance } from '@descent/testing';
import { adabelief } from './adabelief';

runOptimizerConformance({
  name: 'adabelief',
  make: () => adabelief({ learningRate: 0.05 }),
  plugins: () => [cpuBackend()],
  library: optimizers,
});
