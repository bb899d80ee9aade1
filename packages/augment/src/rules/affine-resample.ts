import type { GradientRule } from '@descent/autograd';
import type { AffineResampleAttrs } from '../ops/affine-resample';
import { affineResampleImageGrad } from '../ops/affine-resample-image-grad';
import { affineResampleMatrixGrad } from '../ops/affine-resample-matrix-grad';

/**
 * Gradient rule of `affineResample`: to the images, `affineResampleImageGrad` (the adjoint of
 * the sampling); to the matrices, `affineResampleMatrixGrad` (the slope of the bilinear sample
 * along the input coordinates, times the output coordinates; zero for nearest sampling).
 * Registered by `augment()` under the registry kind `gradient`.
 */
export const affineResampleRule: GradientRule<AffineResampleAttrs> = {
  save: { inputs: 'all' },
  backward: (dy, { inputs: [images, matrices], attrs, inputShapes: [shape] }) => [
    affineResampleImageGrad(dy, matrices!, { ...attrs, inputShape: [shape![1]!, shape![2]!] }),
    affineResampleMatrixGrad(images!, matrices!, dy, attrs),
  ],
};
