import type { Pool2DAttrs } from '@descent/core';
import { Emitter, num, unravel } from '../internal/codegen';
import { gpujsKernel } from '../internal/kernel';
import { at } from '../internal/values';

/**
 * Gradient of maxPool, gathered per input element: the sum of `dy` over the windows that hold
 * this element whose first maximum (row-major window order, NaN maximal) is this element.
 */
export const maxPoolBackwardKernel = gpujsKernel<Pool2DAttrs>(
  'maxPoolBackward',
  ({ inputs: [dy, x], attrs, backend, out }) => {
    if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
    const [, inH, inW, ch] = x!.shape as [number, number, number, number];
    const [, outH, outW] = dy!.shape as [number, number, number, number];
    const [wh, ww] = attrs.windowSize;
    const [sh, sw] = attrs.strides;
    const [top, , left] = attrs.pads;
    const e = new Emitter();
    const [b, iy, ix, c] = unravel(e, 'o', out.shape) as [string, string, string, string];
    const acc = e.let('0.0');
    const [py, px, qy, qx] = [e.fresh(), e.fresh(), e.fresh(), e.fresh()];
    // Windows holding (iy, ix): tap (py, px) of window (oy, ox) with oy·sh - top + py = iy.
    e.line(`for (let ${py} = 0; ${py} < ${wh}; ${py}++) {`);
    const ty = e.let(`${iy} + ${num(top)} - ${py}`);
    const oy = e.let(`Math.floor(${ty} / ${num(sh)} + 0.5)`);
    e.line(`for (let ${px} = 0; ${px} < ${ww}; ${px}++) {`);
    const tx = e.let(`${ix} + ${num(left)} - ${px}`);
    const ox = e.let(`Math.floor(${tx} / ${num(sw)} + 0.5)`);
    e.line(
      `if (${oy} * ${num(sh)} == ${ty} && ${ox} * ${num(sw)} == ${tx} && ${oy} >= 0.0 && ${oy} < ${num(outH)} && ${ox} >= 0.0 && ${ox} < ${num(outW)}) {`,
    );
    // The window's first maximum, as a window position.
    const best = e.let('0.0');
    const bestAt = e.let('-1.0');
    const pos = e.let('0.0');
    e.line(`for (let ${qy} = 0; ${qy} < ${wh}; ${qy}++) {`);
    const jy = e.let(`${oy} * ${num(sh)} - ${num(top)} + ${qy}`);
    e.line(`for (let ${qx} = 0; ${qx} < ${ww}; ${qx}++) {`);
    const jx = e.let(`${ox} * ${num(sw)} - ${num(left)} + ${qx}`);
    e.line(`if (${jy} >= 0.0 && ${jy} < ${num(inH)} && ${jx} >= 0.0 && ${jx} < ${num(inW)}) {`);
    const v = e.let(at(e, 'x1', `((${b} * ${num(inH)} + ${jy}) * ${num(inW)} + ${jx}) * ${num(ch)} + ${c}`));
    e.line(
      `if (${bestAt} < 0.0 || ${v} > ${best} || (!(${v} == ${v}) && ${best} == ${best})) { ${best} = ${v}; ${bestAt} = ${pos}; }`,
    );
    e.line('}');
    e.line(`${pos} = ${pos} + 1.0;`);
    e.line('}}');
    const g = at(e, 'x0', `((${b} * ${num(outH)} + ${oy}) * ${num(outW)} + ${ox}) * ${num(ch)} + ${c}`);
    e.line(`if (${bestAt} == ${py} * ${num(ww)} + ${px}) { ${acc} = ${acc} + ${g}; }`);
    e.line('}}}');
    e.line(`return ${acc};`);
    return backend.run({ body: e.toString(), inputs: [dy!, x!] }, out.shape, out.dtype);
  },
);
