import { argmax, gather, mul, oneHot, type Pool2DAttrs, pad, stack, sum, type Tensor } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/**
 * z = maxPoolBackward(u, x) = Mᵀu, where M reads each window's first maximal cell of x. It is
 * linear in u, so du = M·g: g read, per window and channel, where that window's maximum is (the
 * same first-max rule, found with argmax over the window's cells). z is piecewise constant in x:
 * x gets no gradient (zero away from ties).
 */
export const maxPoolBackwardRule: GradientRule<Pool2DAttrs> = {
  save: { inputs: [1] },
  backward: (g, { inputs: [, x], attrs, inputShapes: [uShape] }) => {
    const [, oh, ow] = uShape!;
    const cells = windowCells(pad(x!, padding(attrs), Number.NEGATIVE_INFINITY), attrs, oh!, ow!);
    const at = oneHot(argmax(cells, 4), cells.shape[4]!);
    return [sum(mul(at, windowCells(pad(g, padding(attrs)), attrs, oh!, ow!)), 4), undefined];
  },
};

function padding({ pads: [t, b, l, r] }: Pool2DAttrs): [number, number][] {
  return [
    [0, 0],
    [t, b],
    [l, r],
    [0, 0],
  ];
}

/** [n, oh, ow, c, wh·ww]: every window's cells of a padded NHWC tensor, in row-major window order. */
function windowCells(
  t: Tensor,
  { windowSize: [wh, ww], strides: [sh, sw] }: Pool2DAttrs,
  oh: number,
  ow: number,
): Tensor {
  const at = (offset: number, stride: number, n: number) =>
    t.runtime.tensor(
      Int32Array.from({ length: n }, (_, k) => offset + k * stride),
      [n],
      'int32',
      { backend: t.backendName },
    );
  const cells: Tensor[] = [];
  for (let i = 0; i < wh; i++) {
    for (let j = 0; j < ww; j++) cells.push(gather(gather(t, at(i, sh, oh), 1), at(j, sw, ow), 2));
  }
  return stack(cells, 4);
}
