// TF.js 4.22's wasm backend has no `Conv2DBackpropFilter` kernel, so `tf.grads` of a conv2d
// (and so training a CNN) fails there. This registers one built from public ops that the wasm
// backend does have, as a TF.js user on wasm would have to: for stride 1 and dilation 1 in NHWC,
//   dW[kh, kw, ci, co] = Σ_{n, oh, ow} xpad[n, oh + kh, ow + kw, ci] · dy[n, oh, ow, co],
// which is itself a 'valid' conv2d of xpad transposed to [Ci, H', W', N] (Ci as the batch, N as
// the channels) by dy transposed to [OH, OW, N, Co] (as the filter): [Ci, KH, KW, Co], then
// transposed to [KH, KW, Ci, Co]. Only what the benchmarks use is supported: stride 1, 'same' or
// 'valid' padding, NHWC (TF.js's conv2d gradient itself rejects dilations other than 1).
import type * as tfType from '@tensorflow/tfjs-core';

const KERNEL = 'Conv2DBackpropFilter';

/** Registers the kernel on TF.js's 'wasm' backend, unless it already has one. */
export function registerWasmConv2DBackpropFilter(tf: typeof tfType): void {
  if (tf.getKernel(KERNEL, 'wasm')) return;
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: 'wasm',
    // Ops called in here run on the active (wasm) backend as nested kernels: no tape records
    // them, and tidy frees the intermediates.
    kernelFunc: ({ inputs, attrs }) =>
      conv2dFilterGrad(
        tf,
        inputs.x as tfType.Tensor4D,
        inputs.dy as tfType.Tensor4D,
        attrs as unknown as tfType.Conv2DBackpropFilterAttrs,
      ),
  });
}

function conv2dFilterGrad(
  tf: typeof tfType,
  x: tfType.Tensor4D,
  dy: tfType.Tensor4D,
  attrs: tfType.Conv2DBackpropFilterAttrs,
): tfType.Tensor4D {
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  const unsupported = (what: string) =>
    new Error(
      `${KERNEL} on wasm (bench/src/tfjs-wasm-conv-filter-grad.ts) supports stride 1, 'same' or 'valid' padding and NHWC only; got ${what}`,
    );
  if (!(x instanceof tf.Tensor) || !(dy instanceof tf.Tensor))
    throw unsupported('inputs that are not tensors');
  if (x.rank !== 4 || dy.rank !== 4) throw unsupported(`x of shape [${x.shape}], dy of shape [${dy.shape}]`);
  if (dataFormat !== undefined && dataFormat !== 'NHWC') throw unsupported(`data format ${dataFormat}`);
  if (pad !== 'same' && pad !== 'valid') throw unsupported(`padding ${JSON.stringify(pad)}`);
  if (![strides].flat().every((s) => s === 1)) throw unsupported(`strides ${JSON.stringify(strides)}`);
  const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, strides, 1, pad, dimRoundingMode);
  if (info.outHeight !== dy.shape[1] || info.outWidth !== dy.shape[2] || info.outChannels !== dy.shape[3]) {
    throw new Error(`${KERNEL}: dy of shape [${dy.shape}] does not match x [${x.shape}] ⋆ [${filterShape}]`);
  }
  const { top, bottom, left, right } = info.padInfo;
  return tf.tidy(() => {
    const xp =
      top + bottom + left + right > 0
        ? tf.pad(x, [
            [0, 0],
            [top, bottom],
            [left, right],
            [0, 0],
          ])
        : x;
    const g = tf.conv2d(tf.transpose(xp, [3, 1, 2, 0]), tf.transpose(dy, [1, 2, 0, 3]), 1, 'valid');
    return tf.transpose(g, [1, 2, 0, 3]);
  });
}

type Shape4 = [number, number, number, number];
interface Case {
  x: Shape4;
  f: Shape4;
  pad: 'same' | 'valid';
}

/**
 * The check that the kernel is right: on small random inputs, the filter gradient of conv2d by
 * `tf.grads` on wasm (this kernel) against the cpu backend's own Conv2DBackpropFilter, for
 * 'same' and 'valid' padding. Returns the largest error relative to the largest |cpu| value;
 * throws when it is over 1e-4. Leaves the wasm backend active.
 */
export async function checkWasmConv2DBackpropFilter(tf: typeof tfType): Promise<number> {
  const cases: Case[] = [
    { x: [3, 9, 8, 2], f: [3, 3, 2, 4], pad: 'same' },
    { x: [2, 7, 10, 3], f: [4, 5, 3, 2], pad: 'same' },
    { x: [3, 12, 11, 2], f: [5, 5, 2, 3], pad: 'valid' },
    { x: [2, 6, 9, 1], f: [2, 3, 1, 4], pad: 'valid' },
  ];
  let next = 12345;
  const random = (n: number) =>
    Float32Array.from({ length: n }, () => {
      next = (Math.imul(next, 1103515245) + 12345) | 0;
      return ((next >>> 8) / 2 ** 24) * 2 - 1;
    });
  const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
  const filterGrad = async (
    backend: 'cpu' | 'wasm',
    xs: Float32Array,
    fs: Float32Array,
    dys: Float32Array,
    c: Case,
  ) => {
    if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} did not start`);
    return tf.tidy(() => {
      const x = tf.tensor4d(xs, c.x);
      const f = tf.tensor4d(fs, c.f);
      const y = tf.conv2d(x, f, 1, c.pad);
      const dy = tf.tensor(dys, y.shape);
      const [df] = tf.grads((fi: tfType.Tensor) => tf.conv2d(x, fi as tfType.Tensor4D, 1, c.pad))([f], dy);
      return df!.dataSync() as Float32Array;
    });
  };
  let worst = 0;
  for (const c of cases) {
    const xs = random(size(c.x));
    const fs = random(size(c.f));
    const oh = c.pad === 'same' ? c.x[1] : c.x[1] - c.f[0] + 1;
    const ow = c.pad === 'same' ? c.x[2] : c.x[2] - c.f[1] + 1;
    const dys = random(c.x[0] * oh * ow * c.f[3]);
    const want = await filterGrad('cpu', xs, fs, dys, c);
    const got = await filterGrad('wasm', xs, fs, dys, c);
    if (got.length !== want.length)
      throw new Error(`${KERNEL} on wasm: ${got.length} values, want ${want.length}`);
    let scale = 0;
    let diff = 0;
    for (let i = 0; i < want.length; i++) {
      scale = Math.max(scale, Math.abs(want[i]!));
      diff = Math.max(diff, Math.abs(got[i]! - want[i]!));
    }
    const rel = diff / scale;
    if (!(rel <= 1e-4)) {
      throw new Error(
        `${KERNEL} on wasm differs from the cpu backend's by ${rel.toExponential(2)} (relative) for x [${c.x}] ⋆ [${c.f}] '${c.pad}'`,
      );
    }
    worst = Math.max(worst, rel);
  }
  return worst;
}
