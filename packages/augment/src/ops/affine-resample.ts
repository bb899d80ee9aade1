import {
  DTypeError,
  defineOp,
  fmtShape,
  InvalidArgumentError,
  ShapeError,
  Tensor,
  type TensorInfo,
} from '@descent/core';
import { checkOptions } from '../internal/options';

/** How a sample between pixel centres is read: the nearest pixel, or the 4 around it weighted. */
export type Interpolation = 'nearest' | 'bilinear';

/**
 * What a tap outside the input reads (`len` is the axis length, `d c b a` its first pixels):
 * - `constant`: `fillValue`;
 * - `reflect`: the image mirrored about its edge, `… b a | a b c d … | … d c`, with period 2·len
 *   (TF's and Keras' `reflect`, PyTorch's `grid_sample(padding_mode='reflection')`);
 * - `nearest`: the edge pixel (TF's `nearest`, PyTorch's `padding_mode='border'`);
 * - `wrap`: the image repeated with period len (`-1` reads `len - 1`).
 */
export type FillMode = 'constant' | 'reflect' | 'nearest' | 'wrap';

export const INTERPOLATIONS: readonly Interpolation[] = ['nearest', 'bilinear'];
export const FILL_MODES: readonly FillMode[] = ['constant', 'reflect', 'nearest', 'wrap'];

/** Attributes of the `affineResample` op, as its kernels receive them (all resolved). */
export interface AffineResampleAttrs {
  /** [height, width] of the output. */
  readonly outputShape: readonly [number, number];
  /** How pixels between grid points are read. */
  readonly interpolation: Interpolation;
  /** What is read outside the input. */
  readonly fillMode: FillMode;
  /** What `constant` fill reads outside the input. */
  readonly fillValue: number;
}

/** Options of `affineResample`; the unset ones take their defaults. */
export interface AffineResampleOptions {
  /** [height, width] of the output; default the input's. */
  outputShape?: readonly [number, number];
  /** Default 'bilinear'. */
  interpolation?: Interpolation;
  /** Default 'constant'. */
  fillMode?: FillMode;
  /** Default 0. */
  fillValue?: number;
}

const OP = 'affineResample';

/** Checks an NHWC float32 batch and its [n, 2, 3] float32 matrices; shared by the op and its gradients. */
export function checkImagesAndMatrices(op: string, images: TensorInfo, matrices: TensorInfo): void {
  if (images.shape.length !== 4)
    throw new ShapeError(op, `expected images of rank 4 [n, h, w, c] (NHWC), got ${fmtShape(images.shape)}`);
  if (images.dtype !== 'float32') throw new DTypeError(op, ['float32'], images.dtype, 'images');
  if (matrices.dtype !== 'float32') throw new DTypeError(op, ['float32'], matrices.dtype, 'matrices');
  const [n] = images.shape;
  const m = matrices.shape;
  if (m.length !== 3 || m[0] !== n || m[1] !== 2 || m[2] !== 3) {
    throw new ShapeError(op, `expected matrices of shape [${n},2,3] (one 2×3 per image), got ${fmtShape(m)}`);
  }
}

/** Validates resolved attributes (a hand-written `runOp` call gets the same checks). */
export function checkAttrs(op: string, attrs: AffineResampleAttrs): void {
  const { outputShape, interpolation, fillMode, fillValue } = attrs;
  if (
    !Array.isArray(outputShape) ||
    outputShape.length !== 2 ||
    !outputShape.every((d) => Number.isInteger(d) && d >= 0)
  ) {
    throw new InvalidArgumentError(
      op,
      `expected outputShape [height, width] of non-negative integers, got ${JSON.stringify(outputShape)}`,
    );
  }
  if (!INTERPOLATIONS.includes(interpolation))
    throw new InvalidArgumentError(
      op,
      `expected interpolation ${INTERPOLATIONS.join(' or ')}, got ${String(interpolation)}`,
    );
  if (!FILL_MODES.includes(fillMode))
    throw new InvalidArgumentError(op, `expected fillMode ${FILL_MODES.join(', ')}, got ${String(fillMode)}`);
  if (typeof fillValue !== 'number')
    throw new InvalidArgumentError(op, `expected fillValue to be a number, got ${typeof fillValue}`);
}

const def = defineOp<AffineResampleAttrs>({
  name: OP,
  package: '@descent/augment',
  arity: 2,
  infer: ([images, matrices], attrs) => {
    checkImagesAndMatrices(OP, images!, matrices!);
    checkAttrs(OP, attrs);
    const [n, , , c] = images!.shape;
    return { shape: [n!, attrs.outputShape[0], attrs.outputShape[1], c!], dtype: 'float32' };
  },
});

/**
 * Resamples each image of an NHWC float32 batch through its own 2×3 affine matrix, which maps
 * **output** pixel coordinates to **input** coordinates:
 *
 * ```
 * u = m[0]·x + m[1]·y + m[2]   (input column)
 * v = m[3]·x + m[4]·y + m[5]   (input row)
 * ```
 *
 * where `(x, y) = (column, row)` of the output pixel and pixel centres sit at integer
 * coordinates (pixel `[r, c]` is at `x = c, y = r`). This is TensorFlow's
 * `ImageProjectiveTransformV3` convention (Keras' random geometric layers). A torchvision
 * `affine`/`rotate` matrix θ (about the image centre, `align_corners=False`) is
 * `T(c_in) · θ · T(-c_out)` here, with `c = ((w - 1) / 2, (h - 1) / 2)`; `affineMatrix` builds it.
 *
 * - `nearest` reads pixel `(floor(v + 0.5), floor(u + 0.5))` (ties upward, as PyTorch's
 *   `nearest-exact` resize; `grid_sample` rounds exact ties to even instead).
 * - `bilinear` weights the 4 taps around `(u, v)`; each tap outside the input is read through
 *   `fillMode` (see `FillMode`), so `constant` blends towards `fillValue` at the border exactly
 *   as torchvision's `fill` does. Integer coordinates copy pixels exactly.
 * - A non-finite matrix gives NaN pixels.
 *
 * Differentiable (with the `augment()` plugin and `@descent/autograd`) with respect to both the
 * images and the matrices, so it can sit inside a model. Op `affineResample` of
 * `@descent/augment`; kernels for the CPU backend in `augment()`.
 *
 * @example
 * const rt = createRuntime({ plugins: [cpuBackend(), augment()] });
 * // Shift every image 2 pixels right: output x reads input x - 2.
 * const m = rt.tensor([1, 0, -2, 0, 1, 0], [1, 2, 3]);
 * const shifted = affineResample(images, m, { fillMode: 'constant' });
 */
export function affineResample(
  images: Tensor,
  matrices: Tensor,
  options: AffineResampleOptions = {},
): Tensor {
  assertTensors(OP, { images, matrices });
  checkOptions(OP, options);
  return images.runtime.runOp(def, [images, matrices], resolveAttrs(images, options));
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
affineResample.def = def;

function resolveAttrs(images: Tensor, options: AffineResampleOptions): AffineResampleAttrs {
  const shape = images?.shape ?? [];
  return {
    outputShape: options.outputShape ?? [shape[1] ?? 0, shape[2] ?? 0],
    interpolation: options.interpolation ?? 'bilinear',
    fillMode: options.fillMode ?? 'constant',
    fillValue: options.fillValue ?? 0,
  };
}

/** Both arguments must be tensors of one runtime (runOp then checks their backends). */
export function assertTensors(op: string, args: Record<string, unknown>): void {
  for (const [what, t] of Object.entries(args)) {
    if (!(t instanceof Tensor))
      throw new InvalidArgumentError(
        op,
        `expected ${what} to be a Tensor, got ${Array.isArray(t) ? 'an array' : typeof t}`,
      );
  }
}
