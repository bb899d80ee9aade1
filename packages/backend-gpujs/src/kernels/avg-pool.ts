import type { Pool2DAttrs } from '@descent/core';
import { Emitter, num, unravel } from '../internal/codegen';
import { gpujsKernel } from '../internal/kernel';
import { at } from '../internal/values';

/** Mean over each window: its unpadded cells' sum over their count (or the window size with `countIncludePad`). */
export const avgPoolKernel = gpujsKernel<Pool2DAttrs>('avgPool', ({ inputs: [x], attrs, backend, out }) => {
  if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
  const [, inH, inW, ch] = x!.shape as [number, number, number, number];
  const [wh, ww] = attrs.windowSize;
  const [sh, sw] = attrs.strides;
  const [top, , left] = attrs.pads;
  const e = new Emitter();
  const [b, oy, ox, c] = unravel(e, 'o', out.shape) as [string, string, string, string];
  const acc = e.let('0.0');
  const count = e.let('0.0');
  const [ky, kx] = [e.fresh(), e.fresh()];
  e.line(`for (let ${ky} = 0; ${ky} < ${wh}; ${ky}++) {`);
  const iy = e.let(`${oy} * ${num(sh)} - ${num(top)} + ${ky}`);
  e.line(`for (let ${kx} = 0; ${kx} < ${ww}; ${kx}++) {`);
  const ix = e.let(`${ox} * ${num(sw)} - ${num(left)} + ${kx}`);
  e.line(`if (${iy} >= 0.0 && ${iy} < ${num(inH)} && ${ix} >= 0.0 && ${ix} < ${num(inW)}) {`);
  const v = at(e, 'x0', `((${b} * ${num(inH)} + ${iy}) * ${num(inW)} + ${ix}) * ${num(ch)} + ${c}`);
  e.line(`${acc} = ${acc} + ${v};`);
  e.line(`${count} = ${count} + 1.0;`);
  e.line('}}}');
  const divisor = attrs.countIncludePad ? num(wh * ww) : `Math.max(${count}, 1.0)`;
  e.line(`return ${acc} / ${divisor};`);
  return backend.run({ body: e.toString(), inputs: [x!] }, out.shape, out.dtype);
});
