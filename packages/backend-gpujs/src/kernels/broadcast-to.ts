import { type BroadcastToAttrs, broadcastStrides } from '@descent/core';
import { Emitter, stridedOffsets } from '../internal/codegen';
import { gpujsKernel } from '../internal/kernel';
import { movement } from '../internal/movement';

/** Repeats `x` along size-1 and new leading axes (reads with stride 0 there). */
export const broadcastToKernel = gpujsKernel<BroadcastToAttrs>(
  'broadcastTo',
  ({ inputs: [x], backend, out }) => {
    if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
    const e = new Emitter();
    const { index, read } = movement(e, out.dtype);
    const [offset] = stridedOffsets(e, index, out.shape, [broadcastStrides(x!.shape, out.shape)]);
    e.line(`return ${read('x0', offset!)};`);
    return backend.run({ body: e.toString(), inputs: [x!] }, out.shape, out.dtype);
  },
);
