/** Attributes of the reductions `sum` and `max`: sorted, unique, non-negative axes. */
export interface ReduceAttrs {
  axes: readonly number[];
  keepDims: boolean;
}
