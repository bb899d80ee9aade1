import type { GradientTransform, Schedule } from './gradient-transform';

/**
 * What the registry holds under kind 'optimizer': a factory from an options object (JSON-able
 * for optimizers that checkpoints refer to) to a transform.
 */
// biome-ignore lint/suspicious/noExplicitAny: each factory has its own options type; the registry holds them all.
export type OptimizerFactory = (options?: any) => GradientTransform<any>;

/** What the registry holds under kind 'schedule': a factory from options to a schedule. */
// biome-ignore lint/suspicious/noExplicitAny: see OptimizerFactory.
export type ScheduleFactory = (options: any) => Schedule;

declare module '@descent/core' {
  interface RegistryKinds {
    /** Optimizers, by name (`'adam'`); typed by `@descent/optimizers`. */
    optimizer: OptimizerFactory;
    /** Schedules, by name (`'cosineDecay'`); typed by `@descent/optimizers`. */
    schedule: ScheduleFactory;
  }
}
