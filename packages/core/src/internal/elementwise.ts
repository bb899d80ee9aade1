import { DTypeError } from '../errors';
import { defineOp, type OpDef } from '../op-def';
import { broadcastShapes } from '../shape';
import type { Tensor } from '../tensor';
import type { DType } from '../types';
import { assertDType, run, runWithScalars, type TensorOrNumber } from './op-helpers';

export const NUMERIC: readonly DType[] = ['float32', 'int32'];
export const FLOAT: readonly DType[] = ['float32'];
export const ANY: readonly DType[] = ['float32', 'int32', 'bool'];
export const BOOL: readonly DType[] = ['bool'];

export type UnaryOp = ((x: Tensor) => Tensor) & { readonly def: OpDef<Record<string, never>> };
export type BinaryOp = ((a: TensorOrNumber, b: TensorOrNumber) => Tensor) & {
  readonly def: OpDef<Record<string, never>>;
};

/** An elementwise op of one input: same shape out, dtype kept or `out`. */
export function unaryOp(name: string, dtypes: readonly DType[], out?: DType): UnaryOp {
  const def = defineOp<Record<string, never>>({
    name,
    arity: 1,
    infer: ([x]) => {
      assertDType(name, x!, dtypes);
      return { shape: x!.shape, dtype: out ?? x!.dtype };
    },
  });
  return Object.assign((x: Tensor) => run(def, [x], {}), { def });
}

/** An elementwise op of two inputs with NumPy broadcasting; both of one dtype. */
export function binaryOp(name: string, dtypes: readonly DType[], out?: DType): BinaryOp {
  const def = defineOp<Record<string, never>>({
    name,
    arity: 2,
    infer: ([a, b]) => {
      assertDType(name, a!, dtypes);
      if (a!.dtype !== b!.dtype)
        throw new DTypeError(name, a!.dtype, b!.dtype, "second input (the first input's)");
      return { shape: broadcastShapes(name, a!.shape, b!.shape), dtype: out ?? a!.dtype };
    },
  });
  return Object.assign((a: TensorOrNumber, b: TensorOrNumber) => runWithScalars(def, [a, b], {}), { def });
}
