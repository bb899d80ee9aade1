import type { Conv2DAttrs } from '@descent/core';
import { Emitter, num, unravel } from '../internal/codegen';
import { gpujsKernel } from '../internal/kernel';
import { at } from '../internal/values';

/**
 * 2-D cross-correlation of an NHWC batch with an HWIO filter: each output element loops over
 * the filter window (constant bounds; padded cells skipped) and the input channels.
 */
export const conv2dKernel = gpujsKernel<Conv2DAttrs>('conv2d', ({ inputs: [x, f], attrs, backend, out }) => {
  if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
  // No input channels: every output is an empty sum.
  if (x!.shape.includes(0) || f!.shape.includes(0))
    return backend.run({ body: 'return 0.0;' }, out.shape, out.dtype);
  const [, inH, inW, cin] = x!.shape as [number, number, number, number];
  const [fh, fw, , cout] = f!.shape as [number, number, number, number];
  const [sh, sw] = attrs.strides;
  const [dh, dw] = attrs.dilations;
  const [top, , left] = attrs.pads;
  const e = new Emitter();
  const [b, oy, ox, co] = unravel(e, 'o', out.shape) as [string, string, string, string];
  const acc = e.let('0.0');
  const [ky, kx, kc] = [e.fresh(), e.fresh(), e.fresh()];
  e.line(`for (let ${ky} = 0; ${ky} < ${fh}; ${ky}++) {`);
  const iy = e.let(`${oy} * ${num(sh)} - ${num(top)} + ${ky} * ${num(dh)}`);
  e.line(`for (let ${kx} = 0; ${kx} < ${fw}; ${kx}++) {`);
  const ix = e.let(`${ox} * ${num(sw)} - ${num(left)} + ${kx} * ${num(dw)}`);
  e.line(`if (${iy} >= 0.0 && ${iy} < ${num(inH)} && ${ix} >= 0.0 && ${ix} < ${num(inW)}) {`);
  const xBase = e.let(`((${b} * ${num(inH)} + ${iy}) * ${num(inW)} + ${ix}) * ${num(cin)}`);
  const fBase = e.let(`((${ky} * ${num(fw)} + ${kx}) * ${num(cin)}) * ${num(cout)} + ${co}`);
  e.line(`for (let ${kc} = 0; ${kc} < ${cin}; ${kc}++) {`);
  const [v, w] = [at(e, 'x0', `${xBase} + ${kc}`), at(e, 'x1', `${fBase} + ${kc} * ${num(cout)}`)];
  e.line(`${acc} = ${acc} + ${v} * ${w};`);
  e.line('}}}}');
  e.line(`return ${acc};`);
  return backend.run({ body: e.toString(), inputs: [x!, f!] }, out.shape, out.dtype);
});
