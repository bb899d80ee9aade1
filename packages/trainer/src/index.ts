export type {
  BatchInfo,
  Callback,
  CallbackFactory,
  CallbackState,
  Logs,
  Snapshot,
  TrainContext,
} from './callback';
export { csvLogger } from './callbacks/csv-logger';
export type { EarlyStoppingOptions } from './callbacks/early-stopping';
export { earlyStopping } from './callbacks/early-stopping';
export { jsonLogger } from './callbacks/json-logger';
export { learningRateScheduler } from './callbacks/learning-rate-scheduler';
export type { ModelCheckpointOptions } from './callbacks/model-checkpoint';
export { modelCheckpoint } from './callbacks/model-checkpoint';
export { nanGuard } from './callbacks/nan-guard';
export type { ProgressBarOptions } from './callbacks/progress-bar';
export { progressBar } from './callbacks/progress-bar';
export type { ReduceLROnPlateauOptions } from './callbacks/reduce-lr-on-plateau';
export { reduceLROnPlateau } from './callbacks/reduce-lr-on-plateau';
export { CheckpointError, LabelRangeError } from './errors';
export type { EvaluateOptions } from './evaluate';
export { evaluate } from './evaluate';
export type { AugmentTransform, DataInput, FitOptions, OptimizerSpec } from './fit';
export { fit } from './fit';
export { History } from './history';
export { checkpointInfo, loadCheckpoint } from './load-checkpoint';
export type { PredictOptions } from './predict';
export { predict } from './predict';
export { trainer } from './trainer-plugin';
