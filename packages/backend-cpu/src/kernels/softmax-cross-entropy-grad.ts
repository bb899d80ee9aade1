import { cpuFusedKernel } from '../internal/kernel';
import { rowMax } from '../internal/row-max';

/**
 * Core's fused `softmaxCrossEntropyGrad` in one pass per row: max, the exponentials (kept), their
 * sum and the targets' sum, then `(e_j / Σe · Σt − t_j) · dy`, in double, instead of the
 * composite's eleven ops. Shifted by the max only when it is finite, as the forward kernel: a
 * row with NaN, +Infinity or only -Infinity logits gives NaN, as the composite does.
 */
export const softmaxCrossEntropyGradKernel = cpuFusedKernel(
  'softmaxCrossEntropyGrad',
  ({ inputs, backend, outs }) => {
    const [z, t, dy] = inputs.map((x) => backend.values(x));
    const res = backend.makeForOverwrite(outs[0]!.shape, 'float32');
    const o = backend.values(res);
    const k = inputs[0]!.shape[inputs[0]!.shape.length - 1]!;
    const e = new Float64Array(k);
    for (let r = 0, base = 0; base < o.length; r++, base += k) {
      const m = rowMax(z!, base, k);
      if (m === Number.POSITIVE_INFINITY) {
        // The composite's z − max is NaN at the infinity and poisons the row's sum.
        o.fill(Number.NaN, base, base + k);
        continue;
      }
      const shift = Number.isFinite(m) ? m : 0;
      let s = 0;
      let st = 0;
      for (let j = 0; j < k; j++) {
        e[j] = Math.exp(z![base + j]! - shift);
        s += e[j]!;
        st += t![base + j]!;
      }
      const scale = st / s;
      const g = dy![r]!;
      for (let j = 0; j < k; j++) o[base + j] = (e[j]! * scale - t![base + j]!) * g;
    }
    return [res];
  },
);
