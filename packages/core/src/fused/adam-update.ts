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
  /**
   * When set, the parameter is one more (last) input and the first output is the new parameter
   * `param + applyScale · update` instead of the update: an optimizer's learning rate (as
   * `-lr`) and `applyUpdates` in the same pass. See `adamApply`.
   */
  readonly applyScale?: number;
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

/** The new moments and the new parameter of one applied Adam step (`adamApply`). */
export interface AdamApplyResult {
  /** `param + applyScale · update`. */
  readonly param: Tensor;
  /** The new first moment `mu'`. */
  readonly mu: Tensor;
  /** The new second moment `nu'`. */
  readonly nu: Tensor;
  /** Only with `amsgrad`. */
  readonly vMax?: Tensor;
}

const NAME = 'adamUpdate';
const INPUTS = ['gradient', 'mu', 'nu', 'vMax'];

/** The input names for these attrs: the moments, vMax with amsgrad, the parameter when applied. */
const inputNames = (a: AdamUpdateAttrs): string[] => [
  ...INPUTS.slice(0, a.amsgrad ? 4 : 3),
  ...(a.applyScale === undefined ? [] : ['param']),
];

/**
 * Fused op `adamUpdate`. Inputs `[g, mu, nu]` (and `vMax` with `amsgrad`), outputs
 * `[update, mu', nu']` (and `vMax'`) where `mu' = β1·mu + (1-β1)·g`, `nu' = β2·nu + (1-β2)·g²`,
 * `update = (mu' / bc1) / (sqrt(v) / bc2 + eps)` and `v` is `nu'` or `vMax' = max(vMax, nu')`.
 * With `applyScale`, a last input `param` and the first output is `param + applyScale·update`.
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
    const scale = attrs.applyScale;
    if (scale !== undefined && (typeof scale !== 'number' || !Number.isFinite(scale)))
      throw new InvalidArgumentError(NAME, `expected applyScale to be a finite number, got ${String(scale)}`);
    const names = inputNames(attrs);
    if (inputs.length !== names.length)
      throw new InvalidArgumentError(
        NAME,
        `expected ${names.length} inputs (${names.join(', ')}), got ${inputs.length}`,
      );
    const g = inputs[0]!;
    inputs.forEach((x, i) => {
      if (x.dtype !== 'float32') throw new DTypeError(NAME, 'float32', x.dtype, names[i]);
      if (!shapesEqual(x.shape, g.shape))
        throw new ShapeError(
          NAME,
          `expected ${names[i]} of the gradient's shape ${fmtShape(g.shape)}, got ${fmtShape(x.shape)}`,
        );
    });
    // The update (or new parameter), mu' and nu', and vMax' with amsgrad.
    return Array.from({ length: attrs.amsgrad ? 4 : 3 }, () => ({
      shape: g.shape,
      dtype: 'float32' as const,
    }));
  },
  fallback(inputs, a) {
    const [g, mu, nu] = inputs;
    const vMax = a.amsgrad ? inputs[3] : undefined;
    const mu1 = add(mul(mu!, a.beta1), mul(g!, 1 - a.beta1));
    const nu1 = add(mul(nu!, a.beta2), mul(mul(g!, g!), 1 - a.beta2));
    const vMax1 = a.amsgrad ? maximum(vMax!, nu1) : undefined;
    const update = div(
      div(mu1, a.biasCorrection1),
      add(div(sqrt(vMax1 ?? nu1), a.biasCorrection2Sqrt), a.eps),
    );
    // As scaleByLearningRate then applyUpdates compute it, so the composite matches them.
    const first = a.applyScale === undefined ? update : add(inputs.at(-1)!, mul(update, a.applyScale));
    return vMax1 ? [first, mu1, nu1, vMax1] : [first, mu1, nu1];
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
  attrs: Omit<AdamUpdateAttrs, 'applyScale'> & { readonly vMax?: Tensor },
): AdamUpdateResult {
  const [update, mu1, nu1, vMax1] = runAdam(g, mu, nu, attrs);
  return vMax1
    ? { update: update!, mu: mu1!, nu: nu1!, vMax: vMax1 }
    : { update: update!, mu: mu1!, nu: nu1! };
}

/**
 * One Adam step applied to its parameter: `param + applyScale · update` and the new moments, in
 * a single pass where the backend has the fused kernel. With `applyScale = -learningRate` it is
 * `scaleByAdam`, `scaleByLearningRate` and `applyUpdates` in one; optimizers call it from their
 * `apply` (what `applyGradients` runs).
 *
 * @example
 * const { param, mu, nu } = adamApply(w, g, mu0, nu0, {
 *   beta1: 0.9, beta2: 0.999, eps: 1e-8, amsgrad: false, applyScale: -1e-3,
 *   biasCorrection1: 1 - 0.9, biasCorrection2Sqrt: Math.sqrt(1 - 0.999),
 * });
 */
export function adamApply(
  param: Tensor,
  g: Tensor,
  mu: Tensor,
  nu: Tensor,
  attrs: AdamUpdateAttrs & { readonly applyScale: number; readonly vMax?: Tensor },
): AdamApplyResult {
  assertTensor(`${NAME} (adamApply)`, param, 'param');
  const [p, mu1, nu1, vMax1] = runAdam(g, mu, nu, attrs, param);
  return vMax1 ? { param: p!, mu: mu1!, nu: nu1!, vMax: vMax1 } : { param: p!, mu: mu1!, nu: nu1! };
}

function runAdam(
  g: Tensor,
  mu: Tensor,
  nu: Tensor,
  attrs: AdamUpdateAttrs & { readonly vMax?: Tensor },
  param?: Tensor,
): Tensor[] {
  for (const [i, x] of [g, mu, nu].entries()) assertTensor(NAME, x, INPUTS[i]);
  if (typeof attrs !== 'object' || attrs === null)
    throw new InvalidArgumentError(NAME, `expected hyperparameters as an object, got ${String(attrs)}`);
  const { vMax, applyScale, ...rest } = attrs;
  if (rest.amsgrad) assertTensor(NAME, vMax, 'vMax (amsgrad)');
  const inputs = [g, mu, nu, ...(rest.amsgrad ? [vMax as Tensor] : []), ...(param ? [param] : [])];
  return g.runtime.runFused(adamUpdateOp, inputs, param ? { ...rest, applyScale } : rest);
}
