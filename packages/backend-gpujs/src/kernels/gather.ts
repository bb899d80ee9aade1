import { type GatherAttrs, sizeOf } from '@descent/core';
import { Emitter, num, unravel } from '../internal/codegen';
import * as I from '../internal/int32';
import { gpujsKernel } from '../internal/kernel';
import { movement } from '../internal/movement';
import { load } from '../internal/values';

/**
 * Slices of `x` along `axis` at int32 `indices`. An index outside [0, size) gives 0 (core's
 * contract where the backend cannot check without reading indices back).
 */
export const gatherKernel = gpujsKernel<GatherAttrs>(
  'gather',
  ({ inputs: [x, indices], attrs, backend, out }) => {
    if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
    const axis = attrs.axis;
    const n = x!.shape[axis]!;
    const outer = sizeOf(x!.shape.slice(0, axis));
    const inner = sizeOf(x!.shape.slice(axis + 1));
    const e = new Emitter();
    const { index, read } = movement(e, out.dtype);
    const [o, q, i] = unravel(e, index, [outer, sizeOf(indices!.shape), inner]) as [string, string, string];
    const k = e.let(I.toFloat(load(e, 'x1', 'int32', q).i!));
    const value = read('x0', `(${o} * ${num(n)} + ${k}) * ${num(inner)} + ${i}`);
    e.line(`return (${k} >= 0.0 && ${k} < ${num(n)}) ? ${value} : 0.0;`);
    return backend.run({ body: e.toString(), inputs: [x!, indices!] }, out.shape, out.dtype);
  },
);
