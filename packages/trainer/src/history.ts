import { InvalidArgumentError } from '@descent/core';
import type { Callback, CallbackState, Logs } from './callback';

/**
 * The record of a `fit`, as Keras' `History`: every epoch's logs (`loss`, metrics, `val_*`,
 * `lr`) by name. `fit` always keeps one (first among the callbacks) and returns it; checkpoints
 * save it, so a resumed run's history continues the interrupted one.
 *
 * @example
 * const history = await fit(model, data, { loss, epochs: 3 });
 * history.history.loss; // [0.41, 0.22, 0.17]
 */
export class History implements Callback {
  readonly name = 'history';
  /** Epoch numbers (from 0) with logs. */
  epoch: number[] = [];
  /** Each logged value, one entry per epoch (NaN where an epoch did not log it). */
  history: Record<string, number[]> = {};
  /** Why training stopped early (early stopping, NaN guard, the stop signal), if it did. */
  stopReason: string | undefined;

  /** Records the epoch's logs. */
  onEpochEnd(epoch: number, logs: Logs): void {
    const n = this.epoch.length;
    this.epoch.push(epoch);
    for (const [k, v] of Object.entries(logs)) {
      this.history[k] ??= new Array(n).fill(Number.NaN);
      this.history[k].push(v);
    }
    for (const values of Object.values(this.history)) if (values.length === n) values.push(Number.NaN);
  }

  /** The last epoch's value of a log, if any. */
  last(name: string): number | undefined {
    return this.history[name]?.at(-1);
  }

  /** The history so far, for a checkpoint. */
  getState(): CallbackState {
    return {
      json: {
        epoch: this.epoch,
        history: Object.fromEntries(Object.entries(this.history).map(([k, v]) => [k, v.map(jsonNumber)])),
      },
    };
  }

  /** Restores the history saved in a checkpoint. */
  setState(state: CallbackState): void {
    const s = state.json as { epoch?: unknown; history?: unknown };
    if (!Array.isArray(s?.epoch) || typeof s.history !== 'object' || s.history === null)
      throw new InvalidArgumentError('History', 'the checkpoint holds no history');
    this.epoch = s.epoch.map(Number);
    this.history = Object.fromEntries(
      Object.entries(s.history as Record<string, unknown[]>).map(([k, v]) => [k, v.map(fromJsonNumber)]),
    );
  }
}

function jsonNumber(v: number): number | string {
  return Number.isFinite(v) ? v : String(v);
}

function fromJsonNumber(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}
