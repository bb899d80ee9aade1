export type { Backend, BackendFactory, BackendMemory, Kernel, KernelArgs, KernelFn } from './backend';
export { checkFunction, checkOptions, checkRuntime, checkTensor, describeValue } from './check-args';
export { argmin } from './composites/argmin';
export { clip } from './composites/clip';
export { ones, onesLike, zeros, zerosLike } from './composites/creation';
export { expandDims } from './composites/expand-dims';
export { logSoftmax } from './composites/log-softmax';
export { logSumExp } from './composites/log-sum-exp';
export { mean } from './composites/mean';
export { min } from './composites/min';
export type { RandomOptions } from './composites/random';
export { randomNormal, randomUniform, truncatedNormal } from './composites/random';
export { reciprocal } from './composites/reciprocal';
export { sigmoid } from './composites/sigmoid';
export { softmax } from './composites/softmax';
export { softplus } from './composites/softplus';
export { square } from './composites/square';
export { squeeze } from './composites/squeeze';
export { stack } from './composites/stack';
export { variance } from './composites/variance';
export {
  BackendMismatchError,
  DescentError,
  DisposedTensorError,
  DTypeError,
  DuplicateRegistrationError,
  fmtShape,
  InvalidArgumentError,
  MissingKernelError,
  ShapeError,
  UnknownPluginError,
  UnsupportedError,
} from './errors';
export type { AdamApplyResult, AdamUpdateAttrs, AdamUpdateResult } from './fused/adam-update';
export { adamApply, adamUpdate, adamUpdateOp } from './fused/adam-update';
export type { DenseActivation, DenseAttrs } from './fused/dense';
export { dense, denseOp } from './fused/dense';
export { relu, reluOp } from './fused/relu';
export { reluGrad, reluGradOp } from './fused/relu-grad';
export { softmaxCrossEntropy, softmaxCrossEntropyOp } from './fused/softmax-cross-entropy';
export { softmaxCrossEntropyGrad, softmaxCrossEntropyGradOp } from './fused/softmax-cross-entropy-grad';
export type { FusedKernel, FusedKernelArgs, FusedOpDef } from './fused-op';
export { defineFusedOp } from './fused-op';
export { fusedOps } from './fused-ops';
export type { Pool2DOptions } from './internal/pool';
export type { Padding } from './internal/window';
export type { OpDef, OutputInfo } from './op-def';
export { defineOp } from './op-def';
export { abs } from './ops/abs';
export { add } from './ops/add';
export type { ArgMaxAttrs } from './ops/argmax';
export { argmax } from './ops/argmax';
export { avgPool } from './ops/avg-pool';
export type { AvgPoolBackwardAttrs } from './ops/avg-pool-backward';
export { avgPoolBackward } from './ops/avg-pool-backward';
export type { BroadcastToAttrs } from './ops/broadcast-to';
export { broadcastTo } from './ops/broadcast-to';
export type { CastAttrs } from './ops/cast';
export { cast } from './ops/cast';
export { ceil } from './ops/ceil';
export type { ConcatAttrs } from './ops/concat';
export { concat } from './ops/concat';
export type { Conv2DOptions } from './ops/conv2d';
export { conv2d, conv2dAttrs } from './ops/conv2d';
export type { Conv2DAttrs, Pool2DAttrs } from './ops/conv2d-attrs';
export type { Conv2DBackpropFilterAttrs } from './ops/conv2d-backprop-filter';
export { conv2dBackpropFilter } from './ops/conv2d-backprop-filter';
export type { Conv2DBackpropInputAttrs } from './ops/conv2d-backprop-input';
export { conv2dBackpropInput } from './ops/conv2d-backprop-input';
export { cos } from './ops/cos';
export { div } from './ops/div';
export { equal } from './ops/equal';
export { erf } from './ops/erf';
export { exp } from './ops/exp';
export { expm1 } from './ops/expm1';
export type { FillAttrs } from './ops/fill';
export { fill } from './ops/fill';
export { floor } from './ops/floor';
export type { GatherAttrs } from './ops/gather';
export { gather } from './ops/gather';
export { greater } from './ops/greater';
export { greaterEqual } from './ops/greater-equal';
export { isFinite } from './ops/is-finite';
export { isNaN } from './ops/is-nan';
export { less } from './ops/less';
export { lessEqual } from './ops/less-equal';
export { log } from './ops/log';
export { log1p } from './ops/log1p';
export { logicalAnd } from './ops/logical-and';
export { logicalNot } from './ops/logical-not';
export { logicalOr } from './ops/logical-or';
export type { MatMulAttrs } from './ops/matmul';
export { matmul } from './ops/matmul';
export { max } from './ops/max';
export { maxPool } from './ops/max-pool';
export { maxPoolBackward } from './ops/max-pool-backward';
export { maximum } from './ops/maximum';
export { minimum } from './ops/minimum';
export { mod } from './ops/mod';
export { mul } from './ops/mul';
export { neg } from './ops/neg';
export { notEqual } from './ops/not-equal';
export type { OneHotAttrs } from './ops/one-hot';
export { oneHot } from './ops/one-hot';
export type { PadAttrs } from './ops/pad';
export { pad } from './ops/pad';
export { pow } from './ops/pow';
export type { RandomUniformAttrs } from './ops/random-uniform';
export { randomUniformBits } from './ops/random-uniform';
export type { ReduceAttrs } from './ops/reduce-attrs';
export type { ReshapeAttrs } from './ops/reshape';
export { reshape } from './ops/reshape';
export { round } from './ops/round';
export { rsqrt } from './ops/rsqrt';
export type { ScatterAddAttrs } from './ops/scatter-add';
export { scatterAdd } from './ops/scatter-add';
export { sign } from './ops/sign';
export { sin } from './ops/sin';
export type { SliceAttrs } from './ops/slice';
export { slice } from './ops/slice';
export { sqrt } from './ops/sqrt';
export { sub } from './ops/sub';
export { sum } from './ops/sum';
export { tanh } from './ops/tanh';
export type { TransposeAttrs } from './ops/transpose';
export { transpose } from './ops/transpose';
export { where } from './ops/where';
export type { ParamTree } from './param-tree';
export { flattenParams, mapParams, unflattenParams } from './param-tree';
export type { Plugin, PluginContext } from './plugin';
export { kernelKey } from './plugin';
export { primitiveOps } from './primitives';
export type { RegisterOptions, RegistryEntry, RegistryKind, RegistryKinds, RegistryValue } from './registry';
export { backendPackage, Registry } from './registry';
export { philox4x32, philoxUniform, seedToKey, uint32ToUnit } from './rng/philox';
export type {
  MemoryInfo,
  OpListener,
  OpListenerOptions,
  OpRecord,
  RuntimeOptions,
  TensorTree,
} from './runtime';
export { createRuntime, Runtime } from './runtime';
export {
  assertValidShape,
  broadcastShapes,
  broadcastStrides,
  normalizeAxes,
  normalizeAxis,
  shapesEqual,
  sizeOf,
  stridesOf,
  windowOutputSize,
} from './shape';
export { Tensor } from './tensor';
export type { DType, DTypeArrays, NestedArray, Shape, TensorInfo, TensorLike, TypedArray } from './types';
