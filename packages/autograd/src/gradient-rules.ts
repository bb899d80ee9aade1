import type { GradientRule } from './gradient-rule';
import { absRule } from './rules/abs';
import { addRule } from './rules/add';
import { argmaxRule } from './rules/argmax';
import { avgPoolRule } from './rules/avg-pool';
import { avgPoolBackwardRule } from './rules/avg-pool-backward';
import { broadcastToRule } from './rules/broadcast-to';
import { castRule } from './rules/cast';
import { ceilRule } from './rules/ceil';
import { concatRule } from './rules/concat';
import { conv2dRule } from './rules/conv2d';
import { conv2dBackpropFilterRule } from './rules/conv2d-backprop-filter';
import { conv2dBackpropInputRule } from './rules/conv2d-backprop-input';
import { cosRule } from './rules/cos';
import { denseRule } from './rules/dense';
import { divRule } from './rules/div';
import { equalRule } from './rules/equal';
import { erfRule } from './rules/erf';
import { expRule } from './rules/exp';
import { expm1Rule } from './rules/expm1';
import { fillRule } from './rules/fill';
import { floorRule } from './rules/floor';
import { gatherRule } from './rules/gather';
import { greaterRule } from './rules/greater';
import { greaterEqualRule } from './rules/greater-equal';
import { isFiniteRule } from './rules/is-finite';
import { isNaNRule } from './rules/is-nan';
import { lessRule } from './rules/less';
import { lessEqualRule } from './rules/less-equal';
import { logRule } from './rules/log';
import { log1pRule } from './rules/log1p';
import { logicalAndRule } from './rules/logical-and';
import { logicalNotRule } from './rules/logical-not';
import { logicalOrRule } from './rules/logical-or';
import { matmulRule } from './rules/matmul';
import { maxRule } from './rules/max';
import { maxPoolRule } from './rules/max-pool';
import { maxPoolBackwardRule } from './rules/max-pool-backward';
import { maximumRule } from './rules/maximum';
import { minimumRule } from './rules/minimum';
import { modRule } from './rules/mod';
import { mulRule } from './rules/mul';
import { negRule } from './rules/neg';
import { notEqualRule } from './rules/not-equal';
import { oneHotRule } from './rules/one-hot';
import { padRule } from './rules/pad';
import { powRule } from './rules/pow';
import { randomUniformRule } from './rules/random-uniform';
import { reluRule } from './rules/relu';
import { reshapeRule } from './rules/reshape';
import { roundRule } from './rules/round';
import { rsqrtRule } from './rules/rsqrt';
import { scatterAddRule } from './rules/scatter-add';
import { signRule } from './rules/sign';
import { sinRule } from './rules/sin';
import { sliceRule } from './rules/slice';
import { softmaxCrossEntropyRule } from './rules/softmax-cross-entropy';
import { sqrtRule } from './rules/sqrt';
import { subRule } from './rules/sub';
import { sumRule } from './rules/sum';
import { tanhRule } from './rules/tanh';
import { transposeRule } from './rules/transpose';
import { whereRule } from './rules/where';

/** The gradient rule of every core primitive, and of core's single-output fused ops, by op name. */
export const gradientRules: Readonly<Record<string, GradientRule>> = {
  abs: absRule,
  add: addRule,
  argmax: argmaxRule,
  avgPool: avgPoolRule,
  avgPoolBackward: avgPoolBackwardRule,
  broadcastTo: broadcastToRule,
  cast: castRule,
  ceil: ceilRule,
  concat: concatRule,
  conv2d: conv2dRule,
  conv2dBackpropFilter: conv2dBackpropFilterRule,
  conv2dBackpropInput: conv2dBackpropInputRule,
  cos: cosRule,
  div: divRule,
  equal: equalRule,
  erf: erfRule,
  exp: expRule,
  expm1: expm1Rule,
  fill: fillRule,
  floor: floorRule,
  gather: gatherRule,
  greater: greaterRule,
  greaterEqual: greaterEqualRule,
  isFinite: isFiniteRule,
  isNaN: isNaNRule,
  less: lessRule,
  lessEqual: lessEqualRule,
  log: logRule,
  log1p: log1pRule,
  logicalAnd: logicalAndRule,
  logicalNot: logicalNotRule,
  logicalOr: logicalOrRule,
  matmul: matmulRule,
  max: maxRule,
  maxPool: maxPoolRule,
  maxPoolBackward: maxPoolBackwardRule,
  maximum: maximumRule,
  minimum: minimumRule,
  mod: modRule,
  mul: mulRule,
  neg: negRule,
  notEqual: notEqualRule,
  oneHot: oneHotRule,
  pad: padRule,
  pow: powRule,
  randomUniform: randomUniformRule,
  reshape: reshapeRule,
  round: roundRule,
  rsqrt: rsqrtRule,
  scatterAdd: scatterAddRule,
  sign: signRule,
  sin: sinRule,
  slice: sliceRule,
  sqrt: sqrtRule,
  sub: subRule,
  sum: sumRule,
  tanh: tanhRule,
  transpose: transposeRule,
  where: whereRule,
  // Fused ops of core that autograd records whole (their kernels run in training).
  dense: denseRule,
  relu: reluRule,
  softmaxCrossEntropy: softmaxCrossEntropyRule,
};
