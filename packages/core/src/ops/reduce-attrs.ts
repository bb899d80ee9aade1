/** Attributes of the reductions `sum` and `max`: sorted, unique, non-negative axes. */
export interface ReduceAttrs {
  /** The axes reduced. */
  axes: readonly number[];
  /** Keep the reduced axes with size 1. */
  keepDims: boolean;
}
