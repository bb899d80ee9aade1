import { DTypeError, fmtShape, InvalidArgumentError, ShapeError } from '../errors';
import { defineFusedOp } from '../fused-op';
import { assertTensor } from '../internal/op-helpers';
import { add } from '../ops/add';
import { matmul } from '../ops/matmul';
import type { Tensor } from '../tensor';
import { relu } from './relu';

const NAME = 'dense';

/** The activations `dense` fuses: none, or ReLU (others run as ops after a linear `dense`). */
export type DenseActivation = 'linear' | 'relu';

/** Attributes of the fused op `dense`. */
export interface DenseAttrs {
  /** Applied to `x·kernel + bias`. */
  activation: DenseActivation;
}

const ACTIVATIONS: readonly string[] = ['linear', 'relu'];

/**
 * Fused op `dense`: inputs `[x, kernel]` or `[x, kernel, bias]`, float32, x `[m, k]`, kernel
 * `[k, n]`, bias `[n]`; output `activation(x·kernel + bias)`, `[m, n]`.
 */
export const denseOp = defineFusedOp<DenseAttrs>({
  name: NAME,
  infer(inputs, { activation }) {
    if (!ACTIVATIONS.includes(activation))
      throw new InvalidArgumentError(
        NAME,
        `expected activation 'linear' or 'relu', got ${JSON.stringify(activation)}`,
      );
    if (inputs.length !== 2 && inputs.length !== 3)
      throw new InvalidArgumentError(
        NAME,
        `expected inputs [x, kernel] or [x, kernel, bias], got ${inputs.length}`,
      );
    const [x, kernel, bias] = inputs;
    for (const [what, t] of [
      ['x', x!],
      ['kernel', kernel!],
      ['bias', bias],
    ] as const)
      if (t && t.dtype !== 'float32') throw new DTypeError(NAME, 'float32', t.dtype, what);
    const [m, k] = x!.shape;
    const n = kernel!.shape[1]!;
    if (x!.shape.length !== 2 || kernel!.shape.length !== 2 || kernel!.shape[0] !== k)
      throw new ShapeError(
        NAME,
        `expected x [m, k] and kernel [k, n], got ${fmtShape(x!.shape)} and ${fmtShape(kernel!.shape)}`,
      );
    if (bias && (bias.shape.length !== 1 || bias.shape[0] !== n))
      throw new ShapeError(NAME, `expected bias of shape [${n}] (one per unit), got ${fmtShape(bias.shape)}`);
    return [{ shape: [m!, n], dtype: 'float32' }];
  },
  fallback: ([x, kernel, bias], { activation }) => {
    const z = bias ? add(matmul(x!, kernel!), bias) : matmul(x!, kernel!);
    return [activation === 'relu' ? relu(z) : z];
  },
});

/**
 * A fully connected layer's forward pass, `activation(x·kernel + bias)` (Keras' Dense, TF.js'
 * `fused.matMul`): x `[m, k]`, kernel `[k, n]`, bias `[n]` or none, activation 'linear' (default)
 * or 'relu'. One product with the bias and activation applied as it is stored, on backends
 * with a fused kernel (the CPU backend); recorded whole by autograd, whose rule needs no
 * intermediate either.
 *
 * @example
 * dense(x, w, b, { activation: 'relu' }); // relu(add(matmul(x, w), b))
 */
export function dense(
  x: Tensor,
  kernel: Tensor,
  bias?: Tensor,
  options: { activation?: DenseActivation } = {},
): Tensor {
  assertTensor(NAME, x, 'x');
  assertTensor(NAME, kernel, 'kernel');
  if (bias !== undefined) assertTensor(NAME, bias, 'bias');
  const inputs = bias ? [x, kernel, bias] : [x, kernel];
  return x.runtime.runFused(denseOp, inputs, { activation: options.activation ?? 'linear' })[0]!;
}
