import { cpuFusedKernel } from '../internal/kernel';
import { rowMax } from '../internal/row-max';

/**
 * Core's fused `softmaxCrossEntropy` in one pass per row: max, log-sum-exp and the weighted sum
 * of `logits - lse`, without the composite's dozen temporaries. Same special values as the
 * composite: the shift is the max only when finite, a NaN anywhere in a row gives NaN, a zero
 * target on a -Infinity logit gives NaN (0 · -Infinity), as in PyTorch.
 */
export const softmaxCrossEntropyKernel = cpuFusedKernel(
  'softmaxCrossEntropy',
  ({ inputs, backend, outs }) => {
    const [z, t] = inputs.map((x) => backend.values(x));
    const res = backend.makeForOverwrite(outs[0]!.shape, 'float32');
    const o = backend.values(res);
    const k = inputs[0]!.shape[inputs[0]!.shape.length - 1]!;
    for (let r = 0, base = 0; r < o.length; r++, base += k) {
      const m = rowMax(z!, base, k);
      const shift = Number.isFinite(m) ? m : 0;
      let s = 0;
      for (let j = 0; j < k; j++) s += Math.exp(z![base + j]! - shift);
      const lse = Math.log(s) + shift;
      let acc = 0;
      for (let j = 0; j < k; j++) acc += t![base + j]! * (z![base + j]! - lse);
      o[r] = -acc;
    }
    return [res];
  },
);
