import type { DatasetName } from './data/datasets';
import type { BackendChoice } from './runtime';

export type ModelKind = 'mlp' | 'cnn';
export type ScheduleName = 'constant' | 'exponentialDecay' | 'cosineDecay' | 'warmupCosine' | 'stepDecay';
export type RegularizerName = 'none' | 'l2' | 'l1' | 'l1l2' | 'maxNorm' | 'dropout';
export type AugmentName = 'rotation' | 'translation' | 'zoom' | 'noise' | 'erasing';

/** Everything the controls choose. */
export interface TrainConfig {
  dataset: DatasetName;
  model: ModelKind;
  /** Widths of the hidden Dense layers. */
  hidden: number[];
  activation: string;
  /** A name registered under kind 'optimizer' (the built-ins, or 'adabelief' from its plugin). */
  optimizer: string;
  learningRate: number;
  schedule: ScheduleName;
  regularizer: RegularizerName;
  /** λ of a penalty, the max norm, or the dropout rate. */
  regularizerStrength: number;
  augment: AugmentName[];
  batchSize: number;
  seed: number;
  backend: BackendChoice;
}

export const SCHEDULES: Record<ScheduleName, string> = {
  constant: 'constant',
  exponentialDecay: 'exponential decay',
  cosineDecay: 'cosine decay',
  warmupCosine: 'linear warm-up + cosine',
  stepDecay: 'step decay (×0.5 every 500)',
};

export const REGULARIZERS: Record<RegularizerName, { label: string; strength: number }> = {
  none: { label: 'none', strength: 0 },
  l2: { label: 'L2 penalty (λ)', strength: 1e-4 },
  l1: { label: 'L1 penalty (λ)', strength: 1e-5 },
  l1l2: { label: 'L1 + L2 penalty (λ each)', strength: 1e-5 },
  maxNorm: { label: 'max-norm constraint', strength: 2 },
  dropout: { label: 'dropout (rate)', strength: 0.2 },
};

export const AUGMENTATIONS: Record<AugmentName, string> = {
  rotation: 'rotate ±15°',
  translation: 'shift ±10%',
  zoom: 'zoom ±10%',
  noise: 'noise σ 0.1',
  erasing: 'random erasing',
};

export const ACTIVATIONS = ['relu', 'tanh', 'gelu', 'elu', 'swish', 'sigmoid'];

/** Defaults that suit each data set. */
export function defaultsFor(dataset: DatasetName): Pick<TrainConfig, 'hidden' | 'learningRate' | 'model'> {
  return dataset === 'mnist'
    ? { model: 'mlp', hidden: [64], learningRate: 0.002 }
    : { model: 'mlp', hidden: [32, 32], learningRate: 0.01 };
}

export const DEFAULT_CONFIG: TrainConfig = {
  dataset: 'spiral',
  ...defaultsFor('spiral'),
  activation: 'relu',
  optimizer: 'adam',
  schedule: 'constant',
  regularizer: 'none',
  regularizerStrength: 0,
  augment: [],
  batchSize: 32,
  seed: 42,
  backend: 'cpu',
};

/** "32, 32" → [32, 32]; throws on anything but positive integers. */
export function parseWidths(text: string): number[] {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const widths = parts.map(Number);
  if (!widths.every((w) => Number.isInteger(w) && w > 0 && w <= 1024))
    throw new Error(`hidden widths: expected whole numbers 1-1024 separated by commas, got "${text}"`);
  return widths;
}
