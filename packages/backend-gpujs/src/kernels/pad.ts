import { type PadAttrs, stridesOf } from '@descent/core';
import { dot, Emitter, num, unravel } from '../internal/codegen';
import { scalarsOf } from '../internal/convert';
import { gpujsKernel } from '../internal/kernel';
import { movement } from '../internal/movement';

/** Pads each axis with `value` (converted to the dtype, passed as a uniform). */
export const padKernel = gpujsKernel<PadAttrs>('pad', ({ inputs: [x], attrs, backend, out }) => {
  if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
  const e = new Emitter();
  const { index, limb, read } = movement(e, out.dtype);
  const scalars = scalarsOf(attrs.value, out.dtype);
  const fillValue = scalars.length === 2 ? `(${limb} < 0.5 ? s0 : s1)` : 's0';
  if (x!.shape.includes(0)) {
    e.line(`return ${fillValue};`);
    return backend.run({ body: e.toString(), scalars }, out.shape, out.dtype);
  }
  const idx = unravel(e, index, out.shape);
  const inside: string[] = [];
  const src = idx.map((i, axis) => {
    const [before] = attrs.paddings[axis]!;
    const d = x!.shape[axis]!;
    const v = before === 0 ? i : e.let(`${i} - ${num(before)}`);
    if (before !== 0) inside.push(`${v} >= 0.0`);
    if (before !== 0 || attrs.paddings[axis]![1] !== 0) inside.push(`${v} < ${num(d)}`);
    return v;
  });
  const offset = e.let(dot(src, stridesOf(x!.shape)));
  const value = read('x0', offset);
  e.line(`return ${inside.length ? `(${inside.join(' && ')}) ? ${value} : ${fillValue}` : value};`);
  return backend.run({ body: e.toString(), inputs: [x!], scalars }, out.shape, out.dtype);
});
