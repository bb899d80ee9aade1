import { describeValue, InvalidArgumentError } from '@descent/core';
import { Layer } from '../layer';
import { isSymbolicShape } from './shapes';

/** Throws InvalidArgumentError naming `op` unless `v` is a layer or model. */
export function checkLayer(op: string, v: unknown, what = 'model'): asserts v is Layer {
  if (!(v instanceof Layer))
    throw new InvalidArgumentError(
      op,
      `expected ${what} to be a Layer (a layer or model), got ${describeValue(v)}`,
    );
}

/** Throws InvalidArgumentError naming `op` unless `v` is a non-empty path. */
export function checkPath(op: string, v: unknown, what = 'a path'): asserts v is string {
  if (typeof v !== 'string' || v === '')
    throw new InvalidArgumentError(op, `expected ${what}, got ${describeValue(v)}`);
}

/** Throws unless `shape` (given to a layer's computeOutputShape) is sizes or null. */
export function checkShapeArg(layer: { readonly name: string }, shape: unknown): void {
  if (!isSymbolicShape(shape))
    throw new InvalidArgumentError(
      'computeOutputShape',
      `${layer.name}: expected a shape of sizes or null, got ${describeValue(shape)}`,
    );
}
