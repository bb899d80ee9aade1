import { type ScatterAddAttrs, sizeOf } from '@descent/core';
import { Emitter, num, unravel } from '../internal/codegen';
import * as I from '../internal/int32';
import { gpujsKernel } from '../internal/kernel';
import { at, float, int, load, outputElement } from '../internal/values';

/**
 * The adjoint of gather: each output element sums the updates whose index equals its position
 * on `axis` (a loop over the indices; an index outside [0, size) matches nothing: dropped).
 */
export const scatterAddKernel = gpujsKernel<ScatterAddAttrs>(
  'scatterAdd',
  ({ inputs: [updates, indices], attrs, backend, out }) => {
    if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
    const int32 = out.dtype === 'int32';
    const e = new Emitter();
    const { index, ret } = outputElement(e, out.dtype);
    const count = sizeOf(indices!.shape);
    if (count === 0 || sizeOf(updates!.shape) === 0) {
      ret(int32 ? int(I.constant(0)) : float('0.0'));
      return backend.run({ body: e.toString() }, out.shape, out.dtype);
    }
    const outer = sizeOf(out.shape.slice(0, attrs.axis));
    const inner = sizeOf(out.shape.slice(attrs.axis + 1));
    const [o, s, i] = unravel(e, index, [outer, attrs.size, inner]) as [string, string, string];
    const base = e.let(`${o} * ${num(count * inner)} + ${i}`);
    const q = e.fresh();
    if (int32) {
      const acc = { hi: e.let('0.0'), lo: e.let('0.0') };
      e.line(`for (let ${q} = 0; ${q} < ${count}; ${q}++) {`);
      const k = load(e, 'x1', 'int32', q).i!;
      e.line(`if (${I.toFloat(k)} == ${s}) {`);
      const u = load(e, 'x0', 'int32', `${base} + ${q} * ${num(inner)}`).i!;
      const t = I.add(e, acc, u);
      e.line(`${acc.hi} = ${t.hi}; ${acc.lo} = ${t.lo};`);
      e.line('}');
      e.line('}');
      ret(int(acc));
    } else {
      const acc = e.let('0.0');
      e.line(`for (let ${q} = 0; ${q} < ${count}; ${q}++) {`);
      const k = load(e, 'x1', 'int32', q).i!;
      const u = at(e, 'x0', `${base} + ${q} * ${num(inner)}`);
      e.line(`if (${I.toFloat(k)} == ${s}) { ${acc} = ${acc} + ${u}; }`);
      e.line('}');
      ret(float(acc));
    }
    return backend.run({ body: e.toString(), inputs: [updates!, indices!] }, out.shape, out.dtype);
  },
);
