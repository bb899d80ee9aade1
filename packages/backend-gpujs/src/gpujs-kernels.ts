import type { Kernel } from '@descent/core';
import { absKernel } from './kernels/abs';
import { addKernel } from './kernels/add';
import { argmaxKernel } from './kernels/argmax';
import { avgPoolKernel } from './kernels/avg-pool';
import { avgPoolBackwardKernel } from './kernels/avg-pool-backward';
import { broadcastToKernel } from './kernels/broadcast-to';
import { castKernel } from './kernels/cast';
import { ceilKernel } from './kernels/ceil';
import { concatKernel } from './kernels/concat';
import { conv2dKernel } from './kernels/conv2d';
import { conv2dBackpropFilterKernel } from './kernels/conv2d-backprop-filter';
import { conv2dBackpropInputKernel } from './kernels/conv2d-backprop-input';
import { cosKernel } from './kernels/cos';
import { divKernel } from './kernels/div';
import { equalKernel } from './kernels/equal';
import { erfKernel } from './kernels/erf';
import { expKernel } from './kernels/exp';
import { expm1Kernel } from './kernels/expm1';
import { fillKernel } from './kernels/fill';
import { floorKernel } from './kernels/floor';
import { gatherKernel } from './kernels/gather';
import { greaterKernel } from './kernels/greater';
import { greaterEqualKernel } from './kernels/greater-equal';
import { isFiniteKernel } from './kernels/is-finite';
import { isNaNKernel } from './kernels/is-na-n';
import { lessKernel } from './kernels/less';
import { lessEqualKernel } from './kernels/less-equal';
import { logKernel } from './kernels/log';
import { log1pKernel } from './kernels/log1p';
import { logicalAndKernel } from './kernels/logical-and';
import { logicalNotKernel } from './kernels/logical-not';
import { logicalOrKernel } from './kernels/logical-or';
import { matmulKernel } from './kernels/matmul';
import { maxKernel } from './kernels/max';
import { maxPoolKernel } from './kernels/max-pool';
import { maxPoolBackwardKernel } from './kernels/max-pool-backward';
import { maximumKernel } from './kernels/maximum';
import { minimumKernel } from './kernels/minimum';
import { modKernel } from './kernels/mod';
import { mulKernel } from './kernels/mul';
import { negKernel } from './kernels/neg';
import { notEqualKernel } from './kernels/not-equal';
import { oneHotKernel } from './kernels/one-hot';
import { padKernel } from './kernels/pad';
import { powKernel } from './kernels/pow';
import { randomUniformKernel } from './kernels/random-uniform';
import { roundKernel } from './kernels/round';
import { rsqrtKernel } from './kernels/rsqrt';
import { scatterAddKernel } from './kernels/scatter-add';
import { signKernel } from './kernels/sign';
import { sinKernel } from './kernels/sin';
import { sliceKernel } from './kernels/slice';
import { sqrtKernel } from './kernels/sqrt';
import { subKernel } from './kernels/sub';
import { sumKernel } from './kernels/sum';
import { tanhKernel } from './kernels/tanh';
import { transposeKernel } from './kernels/transpose';
import { whereKernel } from './kernels/where';

/**
 * Every kernel of the gpujs backend: one per primitive op of core except the view op `reshape`.
 * Register them with a replacement for any one (`{ replace: true }`) to swap a single kernel.
 */
export const gpujsKernels: readonly Kernel[] = [
  absKernel,
  addKernel,
  argmaxKernel,
  avgPoolKernel,
  avgPoolBackwardKernel,
  broadcastToKernel,
  castKernel,
  ceilKernel,
  concatKernel,
  conv2dKernel,
  conv2dBackpropFilterKernel,
  conv2dBackpropInputKernel,
  cosKernel,
  divKernel,
  equalKernel,
  erfKernel,
  expKernel,
  expm1Kernel,
  fillKernel,
  floorKernel,
  gatherKernel,
  greaterKernel,
  greaterEqualKernel,
  isFiniteKernel,
  isNaNKernel,
  lessKernel,
  lessEqualKernel,
  logKernel,
  log1pKernel,
  logicalAndKernel,
  logicalNotKernel,
  logicalOrKernel,
  matmulKernel,
  maxKernel,
  maxPoolKernel,
  maxPoolBackwardKernel,
  maximumKernel,
  minimumKernel,
  modKernel,
  mulKernel,
  negKernel,
  notEqualKernel,
  oneHotKernel,
  padKernel,
  powKernel,
  randomUniformKernel,
  roundKernel,
  rsqrtKernel,
  scatterAddKernel,
  signKernel,
  sinKernel,
  sliceKernel,
  sqrtKernel,
  subKernel,
  sumKernel,
  tanhKernel,
  transposeKernel,
  whereKernel,
];
