import type { AvgPoolBackwardAttrs } from '@descent/core';
import { Emitter, num, unravel } from '../internal/codegen';
import { gpujsKernel } from '../internal/kernel';
import { at } from '../internal/values';

/**
 * Gradient of avgPool, gathered per input element: Σ dy / divisor over the windows holding
 * it, each window's divisor as avgPool used it (its unpadded cell count, or the window size).
 */
export const avgPoolBackwardKernel = gpujsKernel<AvgPoolBackwardAttrs>(
  'avgPoolBackward',
  ({ inputs: [dy], attrs, backend, out }) => {
    if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
    const [, inH, inW, ch] = out.shape as [number, number, number, number];
    const [, outH, outW] = dy!.shape as [number, number, number, number];
    const [wh, ww] = attrs.windowSize;
    const [sh, sw] = attrs.strides;
    const [top, , left] = attrs.pads;
    const e = new Emitter();
    const [b, iy, ix, c] = unravel(e, 'o', out.shape) as [string, string, string, string];
    const acc = e.let('0.0');
    const [py, px] = [e.fresh(), e.fresh()];
    e.line(`for (let ${py} = 0; ${py} < ${wh}; ${py}++) {`);
    const ty = e.let(`${iy} + ${num(top)} - ${py}`);
    const oy = e.let(`Math.floor(${ty} / ${num(sh)} + 0.5)`);
    e.line(`for (let ${px} = 0; ${px} < ${ww}; ${px}++) {`);
    const tx = e.let(`${ix} + ${num(left)} - ${px}`);
    const ox = e.let(`Math.floor(${tx} / ${num(sw)} + 0.5)`);
    e.line(
      `if (${oy} * ${num(sh)} == ${ty} && ${ox} * ${num(sw)} == ${tx} && ${oy} >= 0.0 && ${oy} < ${num(outH)} && ${ox} >= 0.0 && ${ox} < ${num(outW)}) {`,
    );
    let divisor = num(wh * ww);
    if (!attrs.countIncludePad) {
      const y0 = e.let(`${oy} * ${num(sh)} - ${num(top)}`);
      const x0 = e.let(`${ox} * ${num(sw)} - ${num(left)}`);
      const rows = `(Math.min(${y0} + ${num(wh)}, ${num(inH)}) - Math.max(${y0}, 0.0))`;
      const cols = `(Math.min(${x0} + ${num(ww)}, ${num(inW)}) - Math.max(${x0}, 0.0))`;
      divisor = e.let(`Math.max(${rows} * ${cols}, 1.0)`);
    }
    const g = at(e, 'x0', `((${b} * ${num(outH)} + ${oy}) * ${num(outW)} + ${ox}) * ${num(ch)} + ${c}`);
    e.line(`${acc} = ${acc} + ${g} / ${divisor};`);
    e.line('}}}');
    e.line(`return ${acc};`);
    return backend.run({ body: e.toString(), inputs: [dy!] }, out.shape, out.dtype);
  },
);
