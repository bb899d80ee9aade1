import { stridesOf, type TransposeAttrs } from '@descent/core';
import { Emitter, stridedOffsets } from '../internal/codegen';
import { gpujsKernel } from '../internal/kernel';
import { movement } from '../internal/movement';

/** Permutes axes: output axis i reads input axis `perm[i]` (its stride). */
export const transposeKernel = gpujsKernel<TransposeAttrs>(
  'transpose',
  ({ inputs: [x], attrs, backend, out }) => {
    if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
    const e = new Emitter();
    const { index, read } = movement(e, out.dtype);
    const strides = stridesOf(x!.shape);
    const [offset] = stridedOffsets(e, index, out.shape, [attrs.perm.map((p) => strides[p]!)]);
    e.line(`return ${read('x0', offset!)};`);
    return backend.run({ body: e.toString(), inputs: [x!] }, out.shape, out.dtype);
  },
);
