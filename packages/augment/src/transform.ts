import type { Tensor } from '@descent/core';

/**
 * A batch as transforms see it: NHWC float32 `images` and, optionally, `labels` with the batch
 * on axis 0 (int32 class indices `[n]`, or float rows `[n, classes]`). Only label-aware
 * transforms (mixup, cutmix) change labels; the others pass them through.
 */
export interface Batch {
  readonly images: Tensor;
  readonly labels?: Tensor | undefined;
}

export interface ApplyOptions {
  /**
   * `false` at evaluation: random transforms return their input unchanged (the same tensors),
   * deterministic ones (`normalize`, `resize`, `centerCrop`) still apply, as in Keras'
   * preprocessing layers. Default `true`.
   */
  readonly training?: boolean;
}

/**
 * An image-batch transform. Random transforms draw their per-sample parameters from the
 * runtime of the images (`rt.seed(s)` makes them reproducible) and run on whichever backend
 * holds the batch. Every call checks its input and throws typed errors naming the transform.
 *
 * @example
 * const flip = randomHorizontalFlip();
 * const flipped = flip.apply(images);                       // a tensor in, a tensor out
 * const { images: x, labels: y } = mixup({ alpha: 0.2 }).apply({ images, labels });
 * flip.apply(images, { training: false }) === images;      // identity at evaluation
 */
export interface Transform {
  /** The name of the factory that made it, used in error messages ('randomRotation'). */
  readonly name: string;
  /** Whether it draws random parameters (and so is the identity at evaluation). */
  readonly random: boolean;
  /** Whether it needs and changes labels (mixup, cutmix). */
  readonly usesLabels: boolean;
  apply(images: Tensor, options?: ApplyOptions): Tensor;
  apply(batch: Batch, options?: ApplyOptions): Batch;
}

/** How transforms are registered by name (registry kind `augmentation`). */
// biome-ignore lint/suspicious/noExplicitAny: each factory has its own options type.
export type TransformFactory = (options?: any) => Transform;

declare module '@descent/core' {
  interface RegistryKinds {
    augmentation: TransformFactory;
  }
}
