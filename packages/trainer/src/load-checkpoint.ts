import { checkOptions, checkRuntime, describeValue, InvalidArgumentError, type Runtime } from '@descent/core';
import { type Layer, loadModel } from '@descent/layers';
import { CheckpointError } from './errors';
import type { CheckpointEntry } from './internal/checkpoint-format';
import { readCheckpoint, readIndex } from './internal/read-checkpoint';

/**
 * Loads the model of a checkpoint written by `fit` (with `modelCheckpoint`): the `best` one by
 * default, or the `last`. The model is rebuilt from its saved config through the runtime's
 * registry (install the layers plugin, and custom layers' plugins).
 *
 * @example
 * const { model, epoch } = await loadCheckpoint(rt, 'runs/mnist');
 * const { accuracy } = await evaluate(model, test, { loss, metrics: ['accuracy'] });
 */
export async function loadCheckpoint(
  rt: Runtime,
  dir: string,
  options: { which?: 'best' | 'last' } = {},
): Promise<{
  /** The model, with the checkpoint's weights. */
  model: Layer;
  /** The epoch the checkpoint was written after. */
  epoch: number;
  /** Optimizer steps done when it was written. */
  step: number;
  /** The checkpoint folder it was loaded from. */
  path: string;
}> {
  checkRuntime('loadCheckpoint', 'the first argument', rt);
  checkDir('loadCheckpoint', dir);
  checkOptions('loadCheckpoint', options);
  const which = options.which ?? 'best';
  if (which !== 'best' && which !== 'last')
    throw new InvalidArgumentError(
      'loadCheckpoint',
      `expected options.which to be 'best' or 'last', got ${describeValue(which)}`,
    );
  const data = await readCheckpoint(dir, which);
  if (!data.configFile)
    throw new CheckpointError(
      data.path,
      'holds weights but no model config (the model was made in code with createModel): build it in code and resume with fit({ resume })',
    );
  const model = await loadModel(rt, data.path);
  return { model, epoch: data.trainer.epoch, step: data.trainer.step, path: data.path };
}

/**
 * What a checkpoint folder holds (undefined when it holds none): its `last` and `best` entries.
 *
 * @example
 * const info = await checkpointInfo('runs/mnist');
 * info?.best?.epoch; // the epoch of the best checkpoint
 */
export async function checkpointInfo(dir: string): Promise<
  | {
      /** The last checkpoint written (what `fit({ resume })` continues from). */
      last: CheckpointEntry | null;
      /** The checkpoint with the best monitored value. */
      best: CheckpointEntry | null;
    }
  | undefined
> {
  checkDir('checkpointInfo', dir);
  const index = await readIndex(dir);
  return index ? { last: index.last, best: index.best } : undefined;
}

function checkDir(op: string, dir: unknown): void {
  if (typeof dir !== 'string' || dir === '')
    throw new InvalidArgumentError(op, `expected a checkpoint folder path, got ${describeValue(dir)}`);
}
