import { checkOptions, InvalidArgumentError } from '@descent/core';
import type { Callback, CallbackState, TrainContext } from '../callback';
import { fmt } from '../internal/monitor';

/**
 * Sets the learning rate at the start of each epoch from `schedule(epoch, lr)` (Keras'
 * `LearningRateScheduler`; epochs count from 0). For a rate that changes every step, give the
 * optimizer a schedule (`cosineDecay`, `linearWarmup`, ...) instead.
 *
 * @example
 * learningRateScheduler((epoch, lr) => (epoch < 3 ? lr : lr * 0.5));
 */
export function learningRateScheduler(
  schedule: (epoch: number, lr: number) => number,
  options: { verbose?: boolean } = {},
): Callback {
  if (typeof schedule !== 'function')
    throw new InvalidArgumentError('learningRateScheduler', 'expected a function (epoch, lr) => lr');
  checkOptions('learningRateScheduler', options);
  // An epoch resumed in its middle has had its rate set already.
  let lastEpoch = -1;
  return {
    name: 'learningRateScheduler',
    onEpochBegin(epoch: number, ctx: TrainContext) {
      if (epoch === lastEpoch) return;
      lastEpoch = epoch;
      const lr = ctx.getHyperparams().learningRate;
      if (lr === undefined)
        throw new InvalidArgumentError(
          'learningRateScheduler',
          'the optimizer holds no learningRate hyperparameter',
        );
      const next = schedule(epoch, lr);
      if (typeof next !== 'number' || !(next >= 0) || !Number.isFinite(next))
        throw new InvalidArgumentError(
          'learningRateScheduler',
          `the schedule returned ${JSON.stringify(next)} for epoch ${epoch}; a learning rate is a finite number >= 0`,
        );
      if (next !== lr) {
        ctx.setHyperparams({ learningRate: next });
        if (options.verbose) ctx.log(`epoch ${epoch + 1}: learning rate ${fmt(next)}`);
      }
    },
    getState(): CallbackState {
      return { json: { lastEpoch } };
    },
    setState(s: CallbackState) {
      lastEpoch = (s.json as { lastEpoch: number }).lastEpoch;
    },
  };
}
