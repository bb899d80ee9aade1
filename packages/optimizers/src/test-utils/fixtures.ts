import type { Runtime, Tensor } from '@descent/core';
import raw from '../../fixtures/torch-optimizers.json';
import type { Schedule } from '../gradient-transform';
import { namedSchedules } from '../optimizers-plugin';

/** One optimizer case of `fixtures/torch-optimizers.json` (written by `fixtures/make_fixtures.py`). */
export interface OptimizerCase {
  readonly name: string;
  readonly optimizer: string;
  readonly options: Record<string, number | boolean>;
  readonly schedule?: ScheduleRef;
  readonly torch: string;
  readonly torch113?: boolean;
  /** Parameter values after each of the 20 steps, by path. */
  readonly trajectory: readonly Record<string, number[]>[];
}

export interface ScheduleRef {
  readonly name: string;
  readonly options: Record<string, unknown>;
}

export interface ScheduleCase {
  readonly name: string;
  readonly schedule: string;
  readonly options: Record<string, unknown>;
  readonly torch: string;
  readonly values: readonly number[];
}

export interface PlateauCase {
  readonly name: string;
  readonly options: Record<string, unknown> & { initValue: number };
  readonly torch: string;
  readonly metrics: readonly number[];
  readonly values: readonly number[];
}

export const fixtures = raw as unknown as {
  torch: string;
  params: Record<string, { shape: number[]; data: number[] }>;
  grads: readonly Record<string, number[]>[];
  optimizers: readonly OptimizerCase[];
  schedules: readonly ScheduleCase[];
  plateau: readonly PlateauCase[];
};

/** A schedule from its fixture reference; nested `schedule` options are references too. */
export function scheduleFrom(ref: ScheduleRef): Schedule {
  const options = { ...ref.options };
  if (options.schedule) options.schedule = scheduleFrom(options.schedule as ScheduleRef);
  return namedSchedules[ref.name]!(options);
}

/** The fixture's parameters (or one step's gradients) as tensors, `{ layer: { w }, b }` like the paths say. */
export function paramTree(
  rt: Runtime,
  values: Record<string, number[]>,
): { layer: { w: Tensor }; b: Tensor } {
  const t = (path: string) =>
    rt.tensor(Float64Array.from(values[path]!), fixtures.params[path]!.shape, 'float32');
  return { layer: { w: t('layer/w') }, b: t('b') };
}
