import type { Conv2DBackpropInputAttrs } from '@descent/core';
import { Emitter, num, unravel } from '../internal/codegen';
import { gpujsKernel } from '../internal/kernel';
import { at } from '../internal/values';

/**
 * Gradient of conv2d with respect to its input, gathered per input element: every filter tap
 * (fy, fx) whose output pixel oy = (iy + top - fy·dh) / sh is a whole number in range
 * contributes Σ_co dy[b, oy, ox, co] · f[fy, fx, c, co].
 */
export const conv2dBackpropInputKernel = gpujsKernel<Conv2DBackpropInputAttrs>(
  'conv2dBackpropInput',
  ({ inputs: [dy, f], attrs, backend, out }) => {
    if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
    // No output channels: every input gradient is an empty sum.
    if (dy!.shape.includes(0) || f!.shape.includes(0)) {
      return backend.run({ body: 'return 0.0;' }, out.shape, out.dtype);
    }
    const [fh, fw, cin, cout] = f!.shape as [number, number, number, number];
    const [, outH, outW] = dy!.shape as [number, number, number, number];
    const [sh, sw] = attrs.strides;
    const [dh, dw] = attrs.dilations;
    const [top, , left] = attrs.pads;
    const e = new Emitter();
    const [b, iy, ix, c] = unravel(e, 'o', out.shape) as [string, string, string, string];
    const acc = e.let('0.0');
    const [ky, kx, kd] = [e.fresh(), e.fresh(), e.fresh()];
    e.line(`for (let ${ky} = 0; ${ky} < ${fh}; ${ky}++) {`);
    const ty = e.let(`${iy} + ${num(top)} - ${ky} * ${num(dh)}`);
    const oy = e.let(`Math.floor(${ty} / ${num(sh)} + 0.5)`);
    e.line(`for (let ${kx} = 0; ${kx} < ${fw}; ${kx}++) {`);
    const tx = e.let(`${ix} + ${num(left)} - ${kx} * ${num(dw)}`);
    const ox = e.let(`Math.floor(${tx} / ${num(sw)} + 0.5)`);
    e.line(
      `if (${oy} * ${num(sh)} == ${ty} && ${ox} * ${num(sw)} == ${tx} && ${oy} >= 0.0 && ${oy} < ${num(outH)} && ${ox} >= 0.0 && ${ox} < ${num(outW)}) {`,
    );
    const gBase = e.let(`((${b} * ${num(outH)} + ${oy}) * ${num(outW)} + ${ox}) * ${num(cout)}`);
    const fBase = e.let(`((${ky} * ${num(fw)} + ${kx}) * ${num(cin)} + ${c}) * ${num(cout)}`);
    e.line(`for (let ${kd} = 0; ${kd} < ${cout}; ${kd}++) {`);
    const [g, w] = [at(e, 'x0', `${gBase} + ${kd}`), at(e, 'x1', `${fBase} + ${kd}`)];
    e.line(`${acc} = ${acc} + ${g} * ${w};`);
    e.line('}}}}');
    e.line(`return ${acc};`);
    return backend.run({ body: e.toString(), inputs: [dy!, f!] }, out.shape, out.dtype);
  },
);
