import { DescentError } from '@descent/core';

/**
 * A penalty or constraint option out of its range (a negative λ, a `maxValue` below
 * `minValue`, a `rate` outside (0, 1], an unknown option in a config). Names the entry
 * (`L2`, `MaxNorm`), the option and the value.
 *
 * @example
 * try { l2(-1); } catch (e) { if (e instanceof RegularizerConfigError) console.log(e.option); } // 'l2'
 */
export class RegularizerConfigError extends DescentError {
  constructor(
    /** The class name of the penalty or constraint: `L1`, `MaxNorm`, ... */
    readonly entry: string,
    /** The option at fault. */
    readonly option: string,
    /** The value it was given. */
    readonly value: unknown,
    message: string,
  ) {
    super('REGULARIZER_CONFIG', `${entry}: ${message}`);
  }
}

/**
 * A penalty attached to a parameter path the model (or parameter tree) does not have, or
 * parameters given with such a path. `path` is the path asked for, `layer` the deepest layer
 * of it that exists (`''` when none does) and `available` what that layer has.
 *
 * @example
 * penaltyLoss(model, params, { 'dense_1/kernal': l1(1e-4) });
 * // PenaltyPathError: penaltyLoss: a penalty is attached to "dense_1/kernal", but layer "dense_1" has no parameter "kernal" (it has: kernel, bias)
 */
export class PenaltyPathError extends DescentError {
  constructor(
    /** The function that found the path (`penaltyLoss`, `treePenalty`). */
    readonly op: string,
    /** The parameter path asked for. */
    readonly path: string,
    /** The deepest layer of the path that exists (`''` when none does). */
    readonly layer: string,
    /** The parameters (or sublayers) that layer has. */
    readonly available: readonly string[],
    message: string,
  ) {
    super('PENALTY_PATH', `${op}: ${message}`);
  }
}
