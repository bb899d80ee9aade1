import { defineOp, fmtShape, ShapeError, shapesEqual, type Tensor } from '@descent/core';
import { checkOptions } from '../internal/options';
import {
  type AffineResampleAttrs,
  assertTensors,
  checkAttrs,
  checkImagesAndMatrices,
} from './affine-resample';

const OP = 'affineResampleMatrixGrad';

const def = defineOp<AffineResampleAttrs>({
  name: OP,
  package: '@descent/augment',
  arity: 3,
  infer: ([images, matrices, dy], attrs) => {
    checkImagesAndMatrices(OP, images!, matrices!);
    checkAttrs(OP, attrs);
    const [n, , , c] = images!.shape as [number, number, number, number];
    const expected = [n, attrs.outputShape[0], attrs.outputShape[1], c];
    if (!shapesEqual(dy!.shape, expected) || dy!.dtype !== 'float32')
      throw new ShapeError(
        OP,
        `expected dy float32 ${fmtShape(expected)}, got ${dy!.dtype} ${fmtShape(dy!.shape)}`,
      );
    return { shape: [n, 2, 3], dtype: 'float32' };
  },
});

/**
 * The gradient of `affineResample` with respect to its matrices, `[n, 2, 3]`: for each output
 * pixel `(x, y)` the derivative of the bilinear sample along the input coordinates `(u, v)`,
 * dotted with `dy` over channels, times `(x, y, 1)`. Bilinear sampling is piecewise linear, so
 * at integer coordinates this is the derivative from the right; `nearest` sampling is piecewise
 * constant and gives zeros. Op `affineResampleMatrixGrad` of `@descent/augment`.
 *
 * @example
 * const dm = affineResampleMatrixGrad(images, matrices, dy, attrs);
 */
export function affineResampleMatrixGrad(
  images: Tensor,
  matrices: Tensor,
  dy: Tensor,
  attrs: AffineResampleAttrs,
): Tensor {
  assertTensors(OP, { images, matrices, dy });
  checkOptions(OP, attrs, true, 'attrs');
  return images.runtime.runOp(def, [images, matrices, dy], attrs);
}
/** The op's definition (`OpDef`), for kernels to register against. */
affineResampleMatrixGrad.def = def;
