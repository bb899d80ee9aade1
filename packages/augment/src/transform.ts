import type { Tensor } from '@descent/core';

/**
 * A batch as transforms see it: NHWC float32 `images` and, optionally, `labels` with the batch
 * on axis 0 (int32 class indices `[n]`, or float rows `[n, classes]`). Only label-aware
 * transforms (mixup, cutmix) change labels; the others pass them through.
 */
export interface Batch {
  /** NHWC float32 images. */
  readonly images: Tensor;
  /** Their labels, batch on axis 0 (optional). */
  readonly labels?: Tensor | undefined;
}

/** Options of `Transform.apply`. */
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
  /**
   * Transforms a batch of NHWC images; returns a new tensor (or, at evaluation for a random
   * transform, the same one).
   */
  apply(images: Tensor, options?: ApplyOptions): Tensor;
  /** Transforms a batch with its labels; label-aware transforms (mixup, cutmix) change the labels too. */
  apply(batch: Batch, options?: ApplyOptions): Batch;
}

/** How transforms are registered by name (registry kind `augmentation`). */
// biome-ignore lint/suspicious/noExplicitAny: each factory has its own options type.
export type TransformFactory = (options?: any) => Transform;

declare module '@descent/core' {
  interface RegistryKinds {
    /** Augmentations, by name (`'randomRotation'`); typed by `@descent/augment`. */
    augmentation: TransformFactory;
  }
}
