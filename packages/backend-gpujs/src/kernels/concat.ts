import { type ConcatAttrs, sizeOf } from '@descent/core';
import { Emitter, num, unravel } from '../internal/codegen';
import { gpujsKernel } from '../internal/kernel';
import { movement } from '../internal/movement';

/** Joins tensors along an axis: the output's index on that axis picks the input (empty inputs skipped). */
export const concatKernel = gpujsKernel<ConcatAttrs>('concat', ({ inputs, attrs, backend, out }) => {
  if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
  const axis = attrs.axis;
  const parts = inputs.filter((t) => sizeOf(t.shape) > 0);
  const e = new Emitter();
  const { index, read } = movement(e, out.dtype);
  const outer = sizeOf(out.shape.slice(0, axis));
  const inner = sizeOf(out.shape.slice(axis + 1));
  const [o, a, i] = unravel(e, index, [outer, out.shape[axis]!, inner]) as [string, string, string];
  const v = e.let('0.0');
  let start = 0;
  parts.forEach((t, k) => {
    const d = t.shape[axis]!;
    const offset = `(${o} * ${num(d)} + ${a} - ${num(start)}) * ${num(inner)} + ${i}`;
    const value = read(`x${k}`, offset);
    e.line(`if (${a} >= ${num(start)} && ${a} < ${num(start + d)}) { ${v} = ${value}; }`);
    start += d;
  });
  e.line(`return ${v};`);
  return backend.run({ body: e.toString(), inputs: parts }, out.shape, out.dtype);
});
