import type { Plugin } from '@descent/core';
import { adadelta } from './optimizers/adadelta';
import { adagrad } from './optimizers/adagrad';
import { adam } from './optimizers/adam';
import { adamax } from './optimizers/adamax';
import { adamw } from './optimizers/adamw';
import { lion } from './optimizers/lion';
import { momentum } from './optimizers/momentum';
import { nadam } from './optimizers/nadam';
import { nesterov } from './optimizers/nesterov';
import { rmsprop } from './optimizers/rmsprop';
import { sgd } from './optimizers/sgd';
import type { OptimizerFactory, ScheduleFactory } from './registry-kinds';
import { constant } from './schedules/constant';
import { cosineDecay } from './schedules/cosine-decay';
import { exponentialDecay } from './schedules/exponential-decay';
import { joinSchedules } from './schedules/join-schedules';
import { linearWarmup } from './schedules/linear-warmup';
import { piecewiseConstant } from './schedules/piecewise-constant';
import { polynomialDecay } from './schedules/polynomial-decay';
import { stepDecay } from './schedules/step-decay';

/** The name the plugin registers its entries under, recorded by `optimizerRef`. */
export const OPTIMIZERS_PLUGIN = '@descent/optimizers';

/** Every named optimizer, by the name the registry and checkpoints use. */
export const namedOptimizers: { readonly [name: string]: OptimizerFactory } = {
  sgd,
  momentum,
  nesterov,
  adam,
  adamw,
  rmsprop,
  adagrad,
  adadelta,
  adamax,
  nadam,
  lion,
};

/** Every schedule, as a factory from one options object. */
export const namedSchedules: { readonly [name: string]: ScheduleFactory } = {
  constant: (o: { value: number }) => constant(o?.value),
  exponentialDecay,
  stepDecay,
  piecewiseConstant,
  polynomialDecay,
  cosineDecay,
  linearWarmup: (o: Parameters<typeof linearWarmup>[1] & { schedule: Parameters<typeof linearWarmup>[0] }) =>
    linearWarmup(o?.schedule, o),
  joinSchedules: (o: { schedules: Parameters<typeof joinSchedules>[0]; boundaries: readonly number[] }) =>
    joinSchedules(o?.schedules, o?.boundaries),
};

/**
 * The plugin that registers every named optimizer under kind 'optimizer' (`sgd`, `momentum`,
 * `nesterov`, `adam`, `adamw`, `rmsprop`, `adagrad`, `adadelta`, `adamax`, `nadam`, `lion`) and
 * every schedule under kind 'schedule', so trainers and checkpoints can refer to them by name.
 * A custom optimizer plugin registers its own factory the same way.
 *
 * @example
 * const rt = createRuntime({ plugins: [cpuBackend(), optimizers()] });
 * const tx = resolveOptimizer(rt, { name: 'adam', options: { learningRate: 1e-3 } });
 */
export function optimizers(): Plugin {
  return {
    name: OPTIMIZERS_PLUGIN,
    version: '0.0.0',
    install(ctx) {
      for (const [name, factory] of Object.entries(namedOptimizers)) ctx.register('optimizer', name, factory);
      for (const [name, factory] of Object.entries(namedSchedules)) ctx.register('schedule', name, factory);
    },
  };
}
