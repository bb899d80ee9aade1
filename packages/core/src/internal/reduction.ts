import { ShapeError } from '../errors';
import { defineOp, type OpDef } from '../op-def';
import type { ReduceAttrs } from '../ops/reduce-attrs';
import { normalizeAxes } from '../shape';
import type { Tensor } from '../tensor';
import type { DType } from '../types';
import { assertDType, assertTensor, run } from './op-helpers';

export type Reduction = ((x: Tensor, axes?: number | readonly number[], keepDims?: boolean) => Tensor) & {
  readonly def: OpDef<ReduceAttrs>;
};

/** A reduction over axes (all by default); reduced axes are dropped unless `keepDims`. */
export function reduction(name: string, dtypes: readonly DType[], emptyOk: boolean): Reduction {
  const def = defineOp<ReduceAttrs>({
    name,
    arity: 1,
    infer: ([x], { axes, keepDims }) => {
      assertDType(name, x!, dtypes);
      if (!emptyOk && axes.some((a) => x!.shape[a] === 0)) {
        throw new ShapeError(name, `cannot reduce a zero-size axis (shape [${x!.shape.join(',')}])`);
      }
      const shape = keepDims
        ? x!.shape.map((d, i) => (axes.includes(i) ? 1 : d))
        : x!.shape.filter((_, i) => !axes.includes(i));
      return { shape, dtype: x!.dtype };
    },
  });
  const fn = (x: Tensor, axes?: number | readonly number[], keepDims = false) => {
    assertTensor(name, x);
    return run(def, [x], { axes: normalizeAxes(name, axes, x.rank), keepDims });
  };
  return Object.assign(fn, { def });
}
