import { DTypeError, InvalidArgumentError } from '../errors';
import type { OpDef } from '../op-def';
import { Runtime } from '../runtime';
import { Tensor } from '../tensor';
import type { DType, TensorInfo } from '../types';

/** A tensor argument or a JS number standing for a scalar of the other input's dtype. */
export type TensorOrNumber = Tensor | number;

export function assertTensor(op: string, x: unknown, what = 'input'): asserts x is Tensor {
  if (!(x instanceof Tensor)) {
    throw new InvalidArgumentError(
      op,
      `expected ${what} to be a Tensor, got ${Array.isArray(x) ? 'an array' : typeof x}`,
    );
  }
}

export function assertDType(op: string, t: TensorInfo, allowed: readonly DType[]): void {
  if (!allowed.includes(t.dtype)) throw new DTypeError(op, allowed, t.dtype);
}

/**
 * Runs `def` on tensors and numbers: numbers become scalars of the first tensor's dtype on its
 * backend, freed after the op (listeners that need them take their own reference).
 */
export function runWithScalars<A>(def: OpDef<A>, args: readonly TensorOrNumber[], attrs: A): Tensor {
  const like = args.find((a): a is Tensor => a instanceof Tensor);
  if (!like)
    throw new InvalidArgumentError(
      def.name,
      'at least one input must be a Tensor (numbers alone have no backend)',
    );
  const made: Tensor[] = [];
  const inputs = args.map((a, i) => {
    if (a instanceof Tensor) return a;
    if (typeof a !== 'number') assertTensor(def.name, a, `input ${i}`);
    const s = scalarLike(like.runtime, a, like.dtype, like.backendName);
    made.push(s);
    return s;
  });
  try {
    return like.runtime.runOp(def, inputs, attrs);
  } finally {
    for (const s of made) s.dispose();
  }
}

/** Runs an op whose inputs are all tensors. */
export function run<A>(def: OpDef<A>, inputs: readonly Tensor[], attrs: A): Tensor {
  for (const [i, x] of inputs.entries())
    assertTensor(def.name, x, inputs.length > 1 ? `input ${i}` : 'input');
  return inputs[0]!.runtime.runOp(def, inputs, attrs);
}

/**
 * A scalar tensor for a JS number. Float values go to the backend as doubles so a float64
 * reference backend keeps them exact; a float32 backend rounds them on write.
 */
export function scalarLike(rt: Tensor['runtime'], value: number, dtype: DType, backend: string): Tensor {
  return rt.tensor(dtype === 'float32' ? new Float64Array([value]) : value, [], dtype, { backend });
}

export function assertRuntime(op: string, rt: unknown): asserts rt is Runtime {
  if (!(rt instanceof Runtime)) {
    throw new InvalidArgumentError(
      op,
      `expected a Runtime as the first argument, got ${rt instanceof Tensor ? 'a Tensor' : typeof rt}`,
    );
  }
}
