import { DescentError } from '@descent/core';

/**
 * Gradients, updates, parameters or state whose parameter paths do not line up: a gradient for
 * a parameter the state does not know, or a parameter without a gradient. `path` names it.
 */
export class ParamMismatchError extends DescentError {
  constructor(
    /** The function that found the mismatch. */
    readonly op: string,
    /** The parameter path that does not line up. */
    readonly path: string,
    message: string,
  ) {
    super('PARAM_MISMATCH', `${op}: ${message}`);
  }
}

/**
 * A hyperparameter out of its range (a negative learning rate, a beta of 1), or a schedule that
 * returned NaN. Names the hyperparameter, the value, and, when it happened during an update, the
 * step and the parameter paths being updated.
 */
export class InvalidHyperparameterError extends DescentError {
  constructor(
    /** The optimizer, transform or schedule that rejected the value. */
    readonly op: string,
    /** The hyperparameter's name (`'learningRate'`, `'beta1'`, ...). */
    readonly hyperparameter: string,
    /** The value it had. */
    readonly value: unknown,
    message: string,
    /** The parameter paths being updated when it happened (empty when it was given, not computed). */
    readonly paths: readonly string[] = [],
  ) {
    super('INVALID_HYPERPARAMETER', `${op}: ${message}`);
  }
}
