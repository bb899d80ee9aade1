import { fmtShape, ShapeError } from '../errors';
import { FLOAT } from '../internal/elementwise';
import { assertDType, run } from '../internal/op-helpers';
import { expectShape, windowOutputShape } from '../internal/window';
import { defineOp } from '../op-def';
import type { Tensor } from '../tensor';
import type { Shape } from '../types';
import type { Conv2DAttrs } from './conv2d-attrs';

/** Attributes of `conv2dBackpropInput`: the convolution's, plus the input's shape. */
export interface Conv2DBackpropInputAttrs extends Conv2DAttrs {
  /** Shape of the convolution's input (NHWC), which the gradient has. */
  inputShape: Shape;
}

const def = defineOp<Conv2DBackpropInputAttrs>({
  name: 'conv2dBackpropInput',
  arity: 2,
  infer: ([dy, f], attrs) => {
    assertDType('conv2dBackpropInput', dy!, FLOAT);
    assertDType('conv2dBackpropInput', f!, FLOAT);
    if (f!.shape.length !== 4 || attrs.inputShape.length !== 4 || f!.shape[2] !== attrs.inputShape[3]) {
      throw new ShapeError(
        'conv2dBackpropInput',
        `filter ${fmtShape(f!.shape)} does not fit input shape ${fmtShape(attrs.inputShape)}`,
      );
    }
    const y = windowOutputShape(
      'conv2dBackpropInput',
      attrs.inputShape,
      [f!.shape[0]!, f!.shape[1]!],
      attrs,
      f!.shape[3]!,
    );
    expectShape('conv2dBackpropInput', 'dy', dy!, y);
    return { shape: [...attrs.inputShape], dtype: 'float32' };
  },
});

/** Gradient of conv2d with respect to its input (a transposed convolution). Primitive op `conv2dBackpropInput`. */
export function conv2dBackpropInput(dy: Tensor, filter: Tensor, attrs: Conv2DBackpropInputAttrs): Tensor {
  return run(def, [dy, filter], attrs);
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
conv2dBackpropInput.def = def;
