import type { ReduceAttrs } from '@descent/core';
import { Emitter } from '../internal/codegen';
import * as I from '../internal/int32';
import { gpujsKernel } from '../internal/kernel';
import { reductionWalk } from '../internal/reduce';
import { at, float, int, load, outputElement } from '../internal/values';

/** Maximum over axes; NaN if any reduced element is NaN (core forbids empty reductions). */
export const maxKernel = gpujsKernel<ReduceAttrs>('max', ({ inputs: [x], attrs, backend, out }) => {
  if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
  const e = new Emitter();
  const { index, ret } = outputElement(e, out.dtype);
  const walk = reductionWalk(e, index, x!.shape, attrs.axes);
  if (out.dtype === 'int32') {
    const first = load(e, 'x0', 'int32', walk.base).i!;
    const best = { hi: e.let(first.hi), lo: e.let(first.lo) };
    walk.forEach((offset) => {
      const v = load(e, 'x0', 'int32', offset).i!;
      e.line(`if (${I.less(best, v)}) { ${best.hi} = ${v.hi}; ${best.lo} = ${v.lo}; }`);
    });
    ret(int(best));
  } else {
    const best = e.let(at(e, 'x0', walk.base));
    walk.forEach((offset) => {
      const v = e.let(at(e, 'x0', offset));
      e.line(`if (${v} > ${best} || !(${v} == ${v})) { ${best} = ${v}; }`);
    });
    ret(float(best));
  }
  return backend.run({ body: e.toString(), inputs: [x!] }, out.shape, out.dtype);
});
