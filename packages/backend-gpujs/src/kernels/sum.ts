import type { ReduceAttrs } from '@descent/core';
import { Emitter } from '../internal/codegen';
import { INF } from '../internal/float-math';
import * as I from '../internal/int32';
import { gpujsKernel } from '../internal/kernel';
import { reductionWalk } from '../internal/reduce';
import { at, float, int, load, outputElement } from '../internal/values';

/**
 * Sum over axes. float32 uses compensated (Neumaier) summation, close to the CPU backend's
 * float64 accumulation; int32 is exact and wraps like C. Empty sums are 0.
 */
export const sumKernel = gpujsKernel<ReduceAttrs>('sum', ({ inputs: [x], attrs, backend, out }) => {
  const e = new Emitter();
  const { index, ret } = outputElement(e, out.dtype);
  const walk = reductionWalk(e, index, x!.shape, attrs.axes);
  if (walk.count === 0 || x!.shape.includes(0)) {
    ret(out.dtype === 'int32' ? int(I.constant(0)) : float('0.0'));
    return backend.run({ body: e.toString() }, out.shape, out.dtype);
  }
  if (out.dtype === 'int32') {
    const acc = { hi: e.let('0.0'), lo: e.let('0.0') };
    walk.forEach((offset) => {
      const v = load(e, 'x0', 'int32', offset).i!;
      const s = I.add(e, acc, v);
      e.line(`${acc.hi} = ${s.hi}; ${acc.lo} = ${s.lo};`);
    });
    ret(int(acc));
  } else {
    const s = e.let('0.0');
    const c = e.let('0.0');
    walk.forEach((offset) => {
      const v = e.let(at(e, 'x0', offset));
      const t = e.let(`${s} + ${v}`);
      e.line(
        `if (Math.abs(${s}) >= Math.abs(${v})) { ${c} = ${c} + ((${s} - ${t}) + ${v}); } else { ${c} = ${c} + ((${v} - ${t}) + ${s}); }`,
      );
      e.line(`${s} = ${t};`);
    });
    // An infinite partial sum makes the compensation NaN: then the plain sum is the answer.
    ret(float(`(Math.abs(${s}) < ${INF} ? ${s} + ${c} : ${s})`));
  }
  return backend.run({ body: e.toString(), inputs: [x!] }, out.shape, out.dtype);
});
