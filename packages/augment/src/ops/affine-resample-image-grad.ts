import { defineOp, fmtShape, InvalidArgumentError, ShapeError, type Tensor } from '@descent/core';
import { checkOptions } from '../internal/options';
import {
  type AffineResampleAttrs,
  assertTensors,
  checkAttrs,
  checkImagesAndMatrices,
} from './affine-resample';

/** Attributes of `affineResampleImageGrad`: the forward op's, plus the forward input's size. */
export interface AffineResampleImageGradAttrs extends AffineResampleAttrs {
  /** [height, width] of the forward op's input images. */
  readonly inputShape: readonly [number, number];
}

const OP = 'affineResampleImageGrad';

const def = defineOp<AffineResampleImageGradAttrs>({
  name: OP,
  package: '@descent/augment',
  arity: 2,
  infer: ([dy, matrices], attrs) => {
    checkImagesAndMatrices(OP, dy!, matrices!);
    checkAttrs(OP, attrs);
    const [n, oh, ow, c] = dy!.shape as [number, number, number, number];
    if (oh !== attrs.outputShape[0] || ow !== attrs.outputShape[1])
      throw new ShapeError(
        OP,
        `dy ${fmtShape(dy!.shape)} does not match outputShape ${fmtShape(attrs.outputShape)}`,
      );
    const ok =
      Array.isArray(attrs.inputShape) &&
      attrs.inputShape.length === 2 &&
      attrs.inputShape.every((d) => Number.isInteger(d) && d >= 0);
    if (!ok)
      throw new InvalidArgumentError(
        OP,
        `expected inputShape [height, width] of non-negative integers, got ${JSON.stringify(attrs.inputShape)}`,
      );
    return { shape: [n, attrs.inputShape[0], attrs.inputShape[1], c], dtype: 'float32' };
  },
});

/**
 * The gradient of `affineResample` with respect to its images: every output pixel's `dy` goes
 * back to the input taps it was read from, with the same interpolation weights (taps that read
 * `fillValue` get nothing). The adjoint of the forward op for fixed matrices. Op
 * `affineResampleImageGrad` of `@descent/augment`, used by its gradient rule.
 *
 * @example
 * const dx = affineResampleImageGrad(dy, matrices, { ...attrs, inputShape: [28, 28] });
 */
export function affineResampleImageGrad(
  dy: Tensor,
  matrices: Tensor,
  attrs: AffineResampleImageGradAttrs,
): Tensor {
  assertTensors(OP, { dy, matrices });
  checkOptions(OP, attrs, true, 'attrs');
  return dy.runtime.runOp(def, [dy, matrices], attrs);
}
/** The op's definition (`OpDef`), for kernels to register against. */
affineResampleImageGrad.def = def;
