import type { JsonValue, OptimizerRef } from '@descent/optimizers';

/** The files of one checkpoint folder. */
export const CHECKPOINT_FILES = {
  index: 'checkpoint.json',
  config: 'model.json',
  weights: 'model.safetensors',
  optimizer: 'optimizer.json',
  optimizerPayload: 'optimizer.bin',
  trainer: 'trainer.json',
  callbackTensors: 'callbacks.safetensors',
} as const;

/** An entry of the index: which folder, and where training stood. */
export interface CheckpointEntry {
  readonly dir: string;
  readonly epoch: number;
  readonly step: number;
  readonly monitor?: string;
  readonly value?: number;
}

/** `checkpoint.json`: the checkpoints a folder holds. Written last, atomically, so it only names complete folders. */
export interface CheckpointIndex {
  readonly format: 'descent-checkpoints';
  readonly version: 1;
  readonly last: CheckpointEntry | null;
  readonly best: CheckpointEntry | null;
}

/** `trainer.json`: where training stood when the checkpoint was written. */
export interface TrainerStateJson {
  readonly format: 'descent-trainer-state';
  readonly version: 1;
  /** The epoch in progress (from 0); at an epoch's end, the next one. */
  readonly epoch: number;
  /** Batches of that epoch already trained on. */
  readonly batchInEpoch: number;
  /** Optimizer steps completed. */
  readonly step: number;
  readonly rng: { readonly key: readonly [number, number]; readonly counter: number };
  /** The RNG position when the epoch's data pass began (to replay its order after a mid-epoch stop). */
  readonly rngEpochStart: { readonly key: readonly [number, number]; readonly counter: number };
  /** The epoch's running loss sums so far (float32 values), so the epoch's loss is exact after a resume. */
  readonly accumulators: { readonly lossSum: number; readonly regSum: number; readonly count: number };
  readonly optimizer: OptimizerRef | null;
  readonly callbacks: { readonly [name: string]: JsonValue };
  readonly savedAt: string;
}
