import type { Pool2DAttrs } from '@descent/core';
import { Emitter, num, unravel } from '../internal/codegen';
import { INF } from '../internal/float-math';
import * as I from '../internal/int32';
import { gpujsKernel } from '../internal/kernel';
import { at, float, int, load, outputElement } from '../internal/values';

/** Max over each window; padding never wins; NaN propagates. */
export const maxPoolKernel = gpujsKernel<Pool2DAttrs>('maxPool', ({ inputs: [x], attrs, backend, out }) => {
  if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
  const [, inH, inW, ch] = x!.shape as [number, number, number, number];
  const [wh, ww] = attrs.windowSize;
  const [sh, sw] = attrs.strides;
  const [top, , left] = attrs.pads;
  const int32 = out.dtype === 'int32';
  const e = new Emitter();
  const { index, ret } = outputElement(e, out.dtype);
  const [b, oy, ox, c] = unravel(e, index, out.shape) as [string, string, string, string];
  const best = int32 ? { hi: e.let('-32768.0'), lo: e.let('0.0') } : e.let(`-${INF}`);
  const [ky, kx] = [e.fresh(), e.fresh()];
  e.line(`for (let ${ky} = 0; ${ky} < ${wh}; ${ky}++) {`);
  const iy = e.let(`${oy} * ${num(sh)} - ${num(top)} + ${ky}`);
  e.line(`for (let ${kx} = 0; ${kx} < ${ww}; ${kx}++) {`);
  const ix = e.let(`${ox} * ${num(sw)} - ${num(left)} + ${kx}`);
  e.line(`if (${iy} >= 0.0 && ${iy} < ${num(inH)} && ${ix} >= 0.0 && ${ix} < ${num(inW)}) {`);
  const cell = e.let(`((${b} * ${num(inH)} + ${iy}) * ${num(inW)} + ${ix}) * ${num(ch)} + ${c}`);
  if (typeof best === 'string') {
    const v = e.let(at(e, 'x0', cell));
    e.line(`if (${v} > ${best} || !(${v} == ${v})) { ${best} = ${v}; }`);
  } else {
    const v = load(e, 'x0', 'int32', cell).i!;
    e.line(`if (${I.less(best, v)}) { ${best.hi} = ${v.hi}; ${best.lo} = ${v.lo}; }`);
  }
  e.line('}}}');
  ret(typeof best === 'string' ? float(best) : int(best));
  return backend.run({ body: e.toString(), inputs: [x!] }, out.shape, out.dtype);
});
