import type { OpDef } from './op-def';
import { abs } from './ops/abs';
import { add } from './ops/add';
import { argmax } from './ops/argmax';
import { avgPool } from './ops/avg-pool';
import { avgPoolBackward } from './ops/avg-pool-backward';
import { broadcastTo } from './ops/broadcast-to';
import { cast } from './ops/cast';
import { ceil } from './ops/ceil';
import { concat } from './ops/concat';
import { conv2d } from './ops/conv2d';
import { conv2dBackpropFilter } from './ops/conv2d-backprop-filter';
import { conv2dBackpropInput } from './ops/conv2d-backprop-input';
import { cos } from './ops/cos';
import { div } from './ops/div';
import { equal } from './ops/equal';
import { erf } from './ops/erf';
import { exp } from './ops/exp';
import { expm1 } from './ops/expm1';
import { fill } from './ops/fill';
import { floor } from './ops/floor';
import { gather } from './ops/gather';
import { greater } from './ops/greater';
import { greaterEqual } from './ops/greater-equal';
import { isFinite } from './ops/is-finite';
import { isNaN } from './ops/is-nan';
import { less } from './ops/less';
import { lessEqual } from './ops/less-equal';
import { log } from './ops/log';
import { log1p } from './ops/log1p';
import { logicalAnd } from './ops/logical-and';
import { logicalNot } from './ops/logical-not';
import { logicalOr } from './ops/logical-or';
import { matmul } from './ops/matmul';
import { max } from './ops/max';
import { maxPool } from './ops/max-pool';
import { maxPoolBackward } from './ops/max-pool-backward';
import { maximum } from './ops/maximum';
import { minimum } from './ops/minimum';
import { mod } from './ops/mod';
import { mul } from './ops/mul';
import { neg } from './ops/neg';
import { notEqual } from './ops/not-equal';
import { oneHot } from './ops/one-hot';
import { pad } from './ops/pad';
import { pow } from './ops/pow';
import { randomUniformBits } from './ops/random-uniform';
import { reshape } from './ops/reshape';
import { round } from './ops/round';
import { rsqrt } from './ops/rsqrt';
import { scatterAdd } from './ops/scatter-add';
import { sign } from './ops/sign';
import { sin } from './ops/sin';
import { slice } from './ops/slice';
import { sqrt } from './ops/sqrt';
import { sub } from './ops/sub';
import { sum } from './ops/sum';
import { tanh } from './ops/tanh';
import { transpose } from './ops/transpose';
import { where } from './ops/where';

/**
 * Every primitive op of core: the set each backend implements (all but the view op
 * `reshape`) and autograd gives a rule for. Everything else in core is composed from these.
 */
export const primitiveOps: readonly OpDef[] = [
  abs.def,
  add.def,
  argmax.def,
  avgPool.def,
  avgPoolBackward.def,
  broadcastTo.def,
  cast.def,
  ceil.def,
  concat.def,
  conv2d.def,
  conv2dBackpropFilter.def,
  conv2dBackpropInput.def,
  cos.def,
  div.def,
  equal.def,
  erf.def,
  exp.def,
  expm1.def,
  fill.def,
  floor.def,
  gather.def,
  greater.def,
  greaterEqual.def,
  isFinite.def,
  isNaN.def,
  less.def,
  lessEqual.def,
  log.def,
  log1p.def,
  logicalAnd.def,
  logicalNot.def,
  logicalOr.def,
  matmul.def,
  max.def,
  maxPool.def,
  maxPoolBackward.def,
  maximum.def,
  minimum.def,
  mod.def,
  mul.def,
  neg.def,
  notEqual.def,
  oneHot.def,
  pad.def,
  pow.def,
  randomUniformBits.def,
  reshape.def,
  round.def,
  rsqrt.def,
  scatterAdd.def,
  sign.def,
  sin.def,
  slice.def,
  sqrt.def,
  sub.def,
  sum.def,
  tanh.def,
  transpose.def,
  where.def,
];
