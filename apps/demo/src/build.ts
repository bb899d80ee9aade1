import {
  compose,
  gaussianNoise,
  randomErasing,
  randomRotation,
  randomTranslation,
  randomZoom,
  type Transform,
} from '@descent/augment';
import type { Runtime } from '@descent/core';
import {
  type ConstraintSpec,
  Conv2D,
  Dense,
  Dropout,
  Flatten,
  type Layer,
  MaxPool2D,
  type RegularizerSpec,
  type Sequential,
  sequential,
} from '@descent/layers';
import {
  constant,
  cosineDecay,
  exponentialDecay,
  type GradientTransform,
  linearWarmup,
  type Schedule,
  stepDecay,
} from '@descent/optimizers';
import { l1, l1l2, l2, maxNorm } from '@descent/regularizers';
import type { AugmentName, TrainConfig } from './config';
import type { DemoData } from './data/datasets';

/** The learning-rate schedule: a function of the step, evaluated by the optimizer each update. */
export function buildSchedule(config: TrainConfig): Schedule {
  const lr = config.learningRate;
  switch (config.schedule) {
    case 'constant':
      return constant(lr);
    case 'exponentialDecay':
      return exponentialDecay({ initValue: lr, decayRate: 0.5, transitionSteps: 1000 });
    case 'cosineDecay':
      return cosineDecay({ initValue: lr, decaySteps: 3000, alpha: 0.05 });
    case 'warmupCosine':
      return linearWarmup(cosineDecay({ initValue: lr, decaySteps: 3000, alpha: 0.05 }), {
        warmupSteps: 200,
      });
    case 'stepDecay':
      return stepDecay({ initValue: lr, stepSize: 500, gamma: 0.5 });
  }
}

/**
 * The optimizer, looked up by name in the runtime's registry: the eleven of `optimizers()` and
 * whatever plugins added ('adabelief'), all built the same way.
 */
export function buildOptimizer(rt: Runtime, config: TrainConfig): GradientTransform {
  const factory = rt.registry.get('optimizer', config.optimizer);
  return factory({ learningRate: buildSchedule(config) });
}

function weightOptions(
  config: TrainConfig,
  axis: number | number[],
): {
  kernelRegularizer?: RegularizerSpec;
  kernelConstraint?: ConstraintSpec;
} {
  const s = config.regularizerStrength;
  switch (config.regularizer) {
    case 'l2':
      return { kernelRegularizer: l2(s) };
    case 'l1':
      return { kernelRegularizer: l1(s) };
    case 'l1l2':
      return { kernelRegularizer: l1l2({ l1: s, l2: s }) };
    case 'maxNorm':
      return { kernelConstraint: maxNorm(s, { axis }) };
    default:
      return {};
  }
}

/**
 * The model: an MLP of the chosen widths, or (images only) a small CNN —
 * conv 8 → pool → conv 16 → pool — before the same Dense layers. Outputs logits.
 */
export function buildModel(rt: Runtime, config: TrainConfig, data: DemoData): Sequential {
  const dense = weightOptions(config, 0);
  const conv = weightOptions(config, [0, 1, 2]);
  const dropout = config.regularizer === 'dropout' ? config.regularizerStrength : 0;
  const stack: Layer[] = [];
  if (data.kind === 'images' && config.model === 'cnn') {
    stack.push(
      new Conv2D({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', ...conv }),
      new MaxPool2D({ poolSize: 2 }),
      new Conv2D({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', ...conv }),
      new MaxPool2D({ poolSize: 2 }),
    );
  }
  if (data.kind === 'images') stack.push(new Flatten());
  for (const units of config.hidden) {
    stack.push(new Dense({ units, activation: config.activation, ...dense }));
    if (dropout > 0) stack.push(new Dropout({ rate: dropout }));
  }
  stack.push(new Dense({ units: data.classes, ...dense }));
  return sequential(stack).init(rt, [null, ...data.featureShape]);
}

const TRANSFORMS: Record<AugmentName, () => Transform> = {
  rotation: () => randomRotation({ degrees: 15 }),
  translation: () => randomTranslation({ heightFactor: 0.1, widthFactor: 0.1 }),
  zoom: () => randomZoom({ factor: 0.1 }),
  noise: () => gaussianNoise({ std: 0.1 }),
  erasing: () => randomErasing({ scale: [0.02, 0.12], value: 0 }),
};

/** The augmentation pipeline for image batches (none for an empty choice). */
export function buildAugmentation(names: readonly AugmentName[]): Transform | undefined {
  if (names.length === 0) return undefined;
  return compose(
    names.map((n) => (n === 'erasing' ? { transform: TRANSFORMS[n](), p: 0.5 } : TRANSFORMS[n]())),
  );
}
