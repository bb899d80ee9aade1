export type { ActivationFn, ActivationSpec } from './activations/activation-fn';
export { activationName, builtinActivations, resolveActivation } from './activations/activation-fn';
export { elu } from './activations/elu';
export { gelu } from './activations/gelu';
export { leakyRelu } from './activations/leaky-relu';
export { linear } from './activations/linear';
export { selu } from './activations/selu';
export { swish } from './activations/swish';
export { LayerError, SerializationError } from './errors';
export { builtinInitializers } from './initializers/builtin-initializers';
export { Constant } from './initializers/constant';
export { GlorotNormal } from './initializers/glorot-normal';
export { GlorotUniform } from './initializers/glorot-uniform';
export { HeNormal } from './initializers/he-normal';
export { HeUniform } from './initializers/he-uniform';
export type { Initializer, InitializerFactory, InitializerSpec } from './initializers/initializer';
export { resolveInitializer, serializeInitializer } from './initializers/initializer';
export { LecunNormal } from './initializers/lecun-normal';
export { LecunUniform } from './initializers/lecun-uniform';
export { Ones } from './initializers/ones';
export { Orthogonal } from './initializers/orthogonal';
export { RandomNormal } from './initializers/random-normal';
export { RandomUniform } from './initializers/random-uniform';
export { TruncatedNormal } from './initializers/truncated-normal';
export type { FanMode, ScalingDistribution, VarianceScalingOptions } from './initializers/variance-scaling';
export { computeFans, VarianceScaling } from './initializers/variance-scaling';
export { Zeros } from './initializers/zeros';
export { writeFileAtomic } from './internal/atomic-write';
export type { ThresholdOptions } from './internal/confusion-metric';
export type { StateUpdate } from './internal/frames';
export type {
  ApplyOptions,
  CallOptions,
  ForwardContext,
  InputSpec,
  LayerArgs,
  LayerConfig,
  LayerFactory,
  LayerParams,
  WeightEntry,
  WeightOptions,
  Weights,
} from './layer';
export { Layer } from './layer';
export type { ActivationArgs } from './layers/activation';
export { Activation } from './layers/activation';
export type { AvgPool2DArgs } from './layers/avg-pool2d';
export { AvgPool2D } from './layers/avg-pool2d';
export type { BatchNormalizationArgs } from './layers/batch-normalization';
export { BatchNormalization } from './layers/batch-normalization';
export { builtinLayers } from './layers/builtin-layers';
export type { Conv2DArgs } from './layers/conv2d';
export { Conv2D } from './layers/conv2d';
export type { DenseArgs } from './layers/dense';
export { Dense } from './layers/dense';
export type { DropoutArgs } from './layers/dropout';
export { Dropout } from './layers/dropout';
export type { EmbeddingArgs } from './layers/embedding';
export { Embedding } from './layers/embedding';
export { Flatten } from './layers/flatten';
export type { GlobalAveragePooling2DArgs } from './layers/global-average-pooling2d';
export { GlobalAveragePooling2D } from './layers/global-average-pooling2d';
export type { LayerNormalizationArgs } from './layers/layer-normalization';
export { LayerNormalization } from './layers/layer-normalization';
export type { MaxPool2DArgs } from './layers/max-pool2d';
export { MaxPool2D } from './layers/max-pool2d';
export type { ReshapeArgs } from './layers/reshape';
export { Reshape } from './layers/reshape';
export { layers } from './layers-plugin';
export type { BinaryCrossentropyOptions } from './losses/binary-crossentropy';
export { binaryCrossentropy } from './losses/binary-crossentropy';
export { builtinLosses } from './losses/builtin-losses';
export type { CategoricalCrossentropyOptions } from './losses/categorical-crossentropy';
export { categoricalCrossentropy } from './losses/categorical-crossentropy';
export type { HuberOptions } from './losses/huber';
export { huber } from './losses/huber';
export type { Loss, LossFactory, LossOptions, Reduction } from './losses/loss';
export { meanAbsoluteError } from './losses/mean-absolute-error';
export { meanSquaredError } from './losses/mean-squared-error';
export type { LossSpec } from './losses/resolve-loss';
export { resolveLoss } from './losses/resolve-loss';
export type { SparseCategoricalCrossentropyOptions } from './losses/sparse-categorical-crossentropy';
export { sparseCategoricalCrossentropy } from './losses/sparse-categorical-crossentropy';
export type { BinaryAccuracyOptions } from './metrics/binary-accuracy';
export { binaryAccuracy } from './metrics/binary-accuracy';
export { builtinMetrics } from './metrics/builtin-metrics';
export { categoricalAccuracy } from './metrics/categorical-accuracy';
export { meanLoss } from './metrics/mean-loss';
export { MeanMetric, meanMetric } from './metrics/mean-metric';
export type { Metric, MetricFactory, MetricOptions } from './metrics/metric';
export { precision } from './metrics/precision';
export { recall } from './metrics/recall';
export type { MetricSpec } from './metrics/resolve-metric';
export { resolveMetric } from './metrics/resolve-metric';
export { sparseCategoricalAccuracy } from './metrics/sparse-categorical-accuracy';
export { sparseTopKCategoricalAccuracy } from './metrics/sparse-top-k-categorical-accuracy';
export type { TopKOptions } from './metrics/top-k-categorical-accuracy';
export { topKCategoricalAccuracy } from './metrics/top-k-categorical-accuracy';
export type { CreateModelArgs } from './models/create-model';
export { ComposedModel, createModel } from './models/create-model';
export type { ModelArgs, SummaryOptions } from './models/model';
export { Model } from './models/model';
export type { SequentialArgs } from './models/sequential';
export { Sequential, sequential } from './models/sequential';
export type { LayersRegistryKinds } from './registry-kinds';
export type { Constraint, ConstraintSpec, Regularizer, RegularizerSpec } from './regularizer';
export { resolveConstraint, resolveRegularizer, serializeEntry } from './regularizer';
export { loadModel, loadWeights, MODEL_FILES, saveModel, saveWeights } from './serialization/files';
export type { SerializedLayer } from './serialization/layer-json';
export { deserializeLayer, serializeLayer } from './serialization/layer-json';
export type { ModelJSON } from './serialization/model-json';
export { modelFromJSON, modelToJSON } from './serialization/model-json';
export type { SafetensorsFile, SafetensorsTensor } from './serialization/safetensors';
export { decodeSafetensors, encodeSafetensors } from './serialization/safetensors';
export type { LoadWeightsOptions } from './serialization/weights';
export { loadWeightsFromSafetensors, weightsToSafetensors } from './serialization/weights';
export type { JsonValue, Serialized, SymbolicShape } from './types';
export { Variable } from './variable';
