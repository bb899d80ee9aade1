import type { FillAttrs } from '@descent/core';
import { scalarExpr, scalarsOf } from '../internal/convert';
import { gpujsKernel } from '../internal/kernel';

/** Every element `value` (converted as `cast` would), passed as a uniform: one kernel per size. */
export const fillKernel = gpujsKernel<FillAttrs>('fill', ({ attrs, backend, out }) =>
  backend.run(
    { body: `return ${scalarExpr(out.dtype)};`, scalars: scalarsOf(attrs.value, out.dtype) },
    out.shape,
    out.dtype,
  ),
);
