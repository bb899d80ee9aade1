import { type SliceAttrs, stridesOf } from '@descent/core';
import { Emitter, num, stridedOffsets } from '../internal/codegen';
import { gpujsKernel } from '../internal/kernel';
import { movement } from '../internal/movement';

/** A contiguous block: the input read from `begin` with its own strides. */
export const sliceKernel = gpujsKernel<SliceAttrs>('slice', ({ inputs: [x], attrs, backend, out }) => {
  if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
  const e = new Emitter();
  const { index, read } = movement(e, out.dtype);
  const strides = stridesOf(x!.shape);
  const [offset] = stridedOffsets(e, index, out.shape, [strides]);
  const base = attrs.begin.reduce((s, b, i) => s + b * strides[i]!, 0);
  e.line(`return ${read('x0', base === 0 ? offset! : `${num(base)} + ${offset}`)};`);
  return backend.run({ body: e.toString(), inputs: [x!] }, out.shape, out.dtype);
});
