import { type BroadcastToAttrs, broadcastStrides, stridesOf } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { copyStrided } from '../internal/strided';

/** Repeats `x` along size-1 and new leading axes: a copy that reads with stride 0 there. */
export const broadcastToKernel = cpuKernel<BroadcastToAttrs>(
  'broadcastTo',
  ({ inputs: [x], backend, out }) => {
    const res = backend.make(out.shape, out.dtype);
    const from = broadcastStrides(x!.shape, out.shape);
    copyStrided(backend.values(x!), 0, from, backend.values(res), 0, stridesOf(out.shape), out.shape);
    return res;
  },
);
