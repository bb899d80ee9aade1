import type { ArgMaxAttrs } from '@descent/core';
import { Emitter } from '../internal/codegen';
import * as I from '../internal/int32';
import { gpujsKernel } from '../internal/kernel';
import { reductionWalk } from '../internal/reduce';
import { at, int, load, outputElement } from '../internal/values';

/** Index of the maximum along an axis: the first one on ties; NaN counts as maximal. */
export const argmaxKernel = gpujsKernel<ArgMaxAttrs>('argmax', ({ inputs: [x], attrs, backend, out }) => {
  if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
  const e = new Emitter();
  const { index, ret } = outputElement(e, out.dtype);
  const walk = reductionWalk(e, index, x!.shape, [attrs.axis]);
  const found = e.let('0.0');
  const pos = e.let('0.0');
  if (x!.dtype === 'int32') {
    const first = load(e, 'x0', 'int32', walk.base).i!;
    const best = { hi: e.let(first.hi), lo: e.let(first.lo) };
    walk.forEach((offset) => {
      const v = load(e, 'x0', 'int32', offset).i!;
      e.line(`if (${I.less(best, v)}) { ${best.hi} = ${v.hi}; ${best.lo} = ${v.lo}; ${found} = ${pos}; }`);
      e.line(`${pos} = ${pos} + 1.0;`);
    });
  } else {
    const best = e.let(at(e, 'x0', walk.base));
    walk.forEach((offset) => {
      const v = e.let(at(e, 'x0', offset));
      // NaN beats any number (and the first NaN stays).
      e.line(
        `if (${v} > ${best} || (!(${v} == ${v}) && ${best} == ${best})) { ${best} = ${v}; ${found} = ${pos}; }`,
      );
      e.line(`${pos} = ${pos} + 1.0;`);
    });
  }
  ret(int(I.fromIndex(e, found)));
  return backend.run({ body: e.toString(), inputs: [x!] }, out.shape, out.dtype);
});
