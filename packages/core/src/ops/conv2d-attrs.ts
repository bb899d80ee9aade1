/** Normalized attributes of conv2d and its backward kernels (NHWC input, HWIO filter). */
export interface Conv2DAttrs {
  /** Vertical and horizontal stride. */
  strides: readonly [number, number];
  /** [top, bottom, left, right]. */
  pads: readonly [number, number, number, number];
  /** Vertical and horizontal dilation of the window (1 = dense). */
  dilations: readonly [number, number];
}

/** Normalized attributes of the pooling ops and their backward kernels. */
export interface Pool2DAttrs extends Conv2DAttrs {
  /** Window height and width. */
  windowSize: readonly [number, number];
  /** avgPool only: divide by the whole window (PyTorch's default) instead of its unpadded part (TF/Keras). */
  countIncludePad: boolean;
}
