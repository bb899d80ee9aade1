import { type Conv2DBackpropFilterAttrs, sizeOf } from '@descent/core';
import { Emitter, num, unravel } from '../internal/codegen';
import { gpujsKernel } from '../internal/kernel';
import { at } from '../internal/values';

/**
 * Gradient of conv2d with respect to its filter: df[fy, fx, c, co] sums x[b, iy, ix, c] ·
 * dy[b, oy, ox, co] over the batch and every output pixel whose window puts tap (fy, fx) on an
 * unpadded input pixel.
 */
export const conv2dBackpropFilterKernel = gpujsKernel<Conv2DBackpropFilterAttrs>(
  'conv2dBackpropFilter',
  ({ inputs: [x, dy], attrs, backend, out }) => {
    if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
    if (sizeOf(x!.shape) === 0 || sizeOf(dy!.shape) === 0) {
      return backend.run({ body: 'return 0.0;' }, out.shape, out.dtype);
    }
    const [batch, inH, inW, cin] = x!.shape as [number, number, number, number];
    const [, outH, outW, cout] = dy!.shape as [number, number, number, number];
    const [sh, sw] = attrs.strides;
    const [dh, dw] = attrs.dilations;
    const [top, , left] = attrs.pads;
    const e = new Emitter();
    const [fy, fx, c, co] = unravel(e, 'o', out.shape) as [string, string, string, string];
    const acc = e.let('0.0');
    const [kb, ky, kx] = [e.fresh(), e.fresh(), e.fresh()];
    e.line(`for (let ${kb} = 0; ${kb} < ${batch}; ${kb}++) {`);
    e.line(`for (let ${ky} = 0; ${ky} < ${outH}; ${ky}++) {`);
    const iy = e.let(`${ky} * ${num(sh)} - ${num(top)} + ${fy} * ${num(dh)}`);
    e.line(`if (${iy} >= 0.0 && ${iy} < ${num(inH)}) {`);
    e.line(`for (let ${kx} = 0; ${kx} < ${outW}; ${kx}++) {`);
    const ix = e.let(`${kx} * ${num(sw)} - ${num(left)} + ${fx} * ${num(dw)}`);
    e.line(`if (${ix} >= 0.0 && ${ix} < ${num(inW)}) {`);
    const xi = e.let(`((${kb} * ${num(inH)} + ${iy}) * ${num(inW)} + ${ix}) * ${num(cin)} + ${c}`);
    const gi = e.let(`((${kb} * ${num(outH)} + ${ky}) * ${num(outW)} + ${kx}) * ${num(cout)} + ${co}`);
    e.line(`${acc} = ${acc} + ${at(e, 'x0', xi)} * ${at(e, 'x1', gi)};`);
    e.line('}}}}}');
    e.line(`return ${acc};`);
    return backend.run({ body: e.toString(), inputs: [x!, dy!] }, out.shape, out.dtype);
  },
);
