import { DescentError } from '@descent/core';

/**
 * A checkpoint that cannot be written or read, or does not fit the model and optimizer it is
 * resumed into. Names the file.
 */
export class CheckpointError extends DescentError {
  constructor(
    /** The file or folder concerned. */
    readonly file: string,
    message: string,
  ) {
    super('CHECKPOINT', `${file}: ${message}`);
  }
}

/**
 * Class labels outside the model's classes (`sparseCategoricalCrossentropy` needs ids in
 * `[0, classes)`): names the batch, the example and the value.
 *
 * @example
 * // LabelRangeError: fit: labels must be class ids in [0, 10) for the model's 10 outputs; batch 0 holds 10 at example 3 (label shape [64])
 */
export class LabelRangeError extends DescentError {
  constructor(
    /** The function that found the label (`fit`, `evaluate`). */
    readonly op: string,
    /** The label found. */
    readonly value: number,
    /** Number of classes: the model's outputs. */
    readonly classes: number,
    /** The batch it is in, from 0. */
    readonly batch: number,
    /** The example in the batch, from 0. */
    readonly example: number,
    /** Shape of the batch's labels. */
    readonly labelShape: readonly number[],
  ) {
    super(
      'LABEL_RANGE',
      `${op}: labels must be class ids in [0, ${classes}) for the model's ${classes} outputs; batch ${batch} holds ${value} at example ${example} (label shape [${labelShape.join(',')}])`,
    );
  }
}
