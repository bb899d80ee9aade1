import { DTypeError, fmtShape, InvalidArgumentError, ShapeError } from '../errors';
import { defineFusedOp } from '../fused-op';
import { assertTensor } from '../internal/op-helpers';
import { add } from '../ops/add';
import { div } from '../ops/div';
import { maximum } from '../ops/maximum';
import { mul } from '../ops/mul';
import { sqrt } from '../ops/sqrt';
import { shapesEqual } from '../shape';
import type { Tensor } from '../tensor';

/** Hyperparameters of one Adam step; the bias corrections are computed by the caller in double. */
export interface AdamUpdateAttrs {
  /** Decay of the first moment (mean of the gradients), e.g. 0.9. */
  readonly beta1: number;
  /** Decay of the second moment (mean of the squared gradients), e.g. 0.999. */
  readonly beta2: number;
  /** Added to the denominator for numerical stability, e.g. 1e-8. */
  readonly eps: number;
  /** `1 - beta1^t`. */
  readonly biasCorrection1: number;
  /** `sqrt(1 - beta2^t)`. */
  readonly biasCorrection2Sqrt: number;
  /** AMSGrad: a fourth input and output, the running maximum of the second moment. */
  readonly amsgrad: boolean;
}

/** The new moments and the update of one Adam step. */
export interface AdamUpdateResult {
  /**
   * The bias-corrected direction `(mu'/bc1) / (√v/bc2 + eps)`, before the learning rate (the caller scales
   * it).
   */
  readonly update: Tensor;
  /** The new first moment `mu'`. */
  readonly mu: Tensor;
  /** The new second moment `nu'`. */
  readonly nu: Tensor;
  /** Only with `amsgrad`. */
  readonly vMax?: Tensor;
}

const NAME = 'adamUpdate';
const INPUTS = ['gradient', 'mu', 'nu', 'vMax'];

/**
 * Fused op `adamUpdate`. Inputs `[g, mu, nu]` (and `vMax` with `amsgrad`), outputs
 * `[update, mu', nu']` (and `vMax'`) where `mu' = β1·mu + (1-β1)·g`, `nu' = β2·nu + (1-β2)·g²`,
 * `update = (mu' / bc1) / (sqrt(v) / bc2 + eps)` and `v` is `nu'` or `vMax' = max(vMax, nu')`.
 */
export const adamUpdateOp = defineFusedOp<AdamUpdateAttrs>({
  name: NAME,
  infer(inputs, attrs) {
    for (const key of ['beta1', 'beta2', 'eps', 'biasCorrection1', 'biasCorrection2Sqrt'] as const) {
      const v = attrs[key];
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new InvalidArgumentError(NAME, `expected ${key} to be a finite number, got ${String(v)}`);
    }
    if (typeof attrs.amsgrad !== 'boolean')
      throw new InvalidArgumentError(NAME, `expected amsgrad to be a boolean, got ${String(attrs.amsgrad)}`);
    const arity = attrs.amsgrad ? 4 : 3;
    if (inputs.length !== arity)
      throw new InvalidArgumentError(
        NAME,
        `expected ${arity} inputs (${INPUTS.slice(0, arity).join(', ')}), got ${inputs.length}`,
      );
    const g = inputs[0]!;
    inputs.forEach((x, i) => {
      if (x.dtype !== 'float32') throw new DTypeError(NAME, 'float32', x.dtype, INPUTS[i]);
      if (!shapesEqual(x.shape, g.shape))
        throw new ShapeError(
          NAME,
          `expected ${INPUTS[i]} of the gradient's shape ${fmtShape(g.shape)}, got ${fmtShape(x.shape)}`,
        );
    });
    return inputs.map(() => ({ shape: g.shape, dtype: 'float32' as const }));
  },
  fallback([g, mu, nu, vMax], a) {
    const mu1 = add(mul(mu!, a.beta1), mul(g!, 1 - a.beta1));
    const nu1 = add(mul(nu!, a.beta2), mul(mul(g!, g!), 1 - a.beta2));
    const vMax1 = a.amsgrad ? maximum(vMax!, nu1) : undefined;
    const update = div(
      div(mu1, a.biasCorrection1),
      add(div(sqrt(vMax1 ?? nu1), a.biasCorrection2Sqrt), a.eps),
    );
    return vMax1 ? [update, mu1, nu1, vMax1] : [update, mu1, nu1];
  },
});

/**
 * One Adam step for one parameter in a single pass where the backend has a fused kernel (the
 * CPU backend does), else as the composite of primitives. Optimizers call it; `scaleByAdam` of
 * `@descent/optimizers` is the usual way in.
 *
 * @example
 * const t = 1;
 * const { update, mu, nu } = adamUpdate(g, mu0, nu0, {
 *   beta1: 0.9, beta2: 0.999, eps: 1e-8, amsgrad: false,
 *   biasCorrection1: 1 - 0.9 ** t, biasCorrection2Sqrt: Math.sqrt(1 - 0.999 ** t),
 * });
 */
export function adamUpdate(
  g: Tensor,
  mu: Tensor,
  nu: Tensor,
  attrs: AdamUpdateAttrs & { readonly vMax?: Tensor },
): AdamUpdateResult {
  for (const [i, x] of [g, mu, nu].entries()) assertTensor(NAME, x, INPUTS[i]);
  if (typeof attrs !== 'object' || attrs === null)
    throw new InvalidArgumentError(NAME, `expected hyperparameters as an object, got ${String(attrs)}`);
  const { vMax, ...rest } = attrs;
  if (rest.amsgrad) assertTensor(NAME, vMax, 'vMax (amsgrad)');
  const inputs = rest.amsgrad ? [g, mu, nu, vMax as Tensor] : [g, mu, nu];
  const [update, mu1, nu1, vMax1] = g.runtime.runFused(adamUpdateOp, inputs, rest);
  return vMax1
    ? { update: update!, mu: mu1!, nu: nu1!, vMax: vMax1 }
    : { update: update!, mu: mu1!, nu: nu1! };
}
