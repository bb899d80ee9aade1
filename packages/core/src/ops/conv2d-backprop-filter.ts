import { fmtShape, ShapeError } from '../errors';
import { FLOAT } from '../internal/elementwise';
import { assertDType, run } from '../internal/op-helpers';
import { expectShape, windowOutputShape } from '../internal/window';
import { defineOp } from '../op-def';
import type { Tensor } from '../tensor';
import type { Shape } from '../types';
import type { Conv2DAttrs } from './conv2d-attrs';

/** Attributes of `conv2dBackpropFilter`: the convolution's, plus the filter's shape. */
export interface Conv2DBackpropFilterAttrs extends Conv2DAttrs {
  /** Shape of the filter (HWIO), which the gradient has. */
  filterShape: Shape;
}

const def = defineOp<Conv2DBackpropFilterAttrs>({
  name: 'conv2dBackpropFilter',
  arity: 2,
  infer: ([x, dy], attrs) => {
    assertDType('conv2dBackpropFilter', x!, FLOAT);
    assertDType('conv2dBackpropFilter', dy!, FLOAT);
    const f = attrs.filterShape;
    if (f.length !== 4 || x!.shape.length !== 4 || f[2] !== x!.shape[3]) {
      throw new ShapeError(
        'conv2dBackpropFilter',
        `filter shape ${fmtShape(f)} does not fit input ${fmtShape(x!.shape)}`,
      );
    }
    const y = windowOutputShape('conv2dBackpropFilter', x!.shape, [f[0]!, f[1]!], attrs, f[3]!);
    expectShape('conv2dBackpropFilter', 'dy', dy!, y);
    return { shape: [...f], dtype: 'float32' };
  },
});

/** Gradient of conv2d with respect to its filter. Primitive op `conv2dBackpropFilter`. */
export function conv2dBackpropFilter(x: Tensor, dy: Tensor, attrs: Conv2DBackpropFilterAttrs): Tensor {
  return run(def, [x, dy], attrs);
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
conv2dBackpropFilter.def = def;
