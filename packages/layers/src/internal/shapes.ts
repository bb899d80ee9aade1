import { fmtShape, type Shape } from '@descent/core';
import type { SymbolicShape } from '../types';

/** `[null,28,28,1]`. */
export function fmtSymbolic(shape: SymbolicShape): string {
  return `[${shape.map((d) => (d === null ? 'null' : d)).join(',')}]`;
}

/** Keras' spelling in summaries: `(None, 28, 28, 1)`. */
export function kerasShape(shape: SymbolicShape): string {
  const inner = shape.map((d) => (d === null ? 'None' : String(d))).join(', ');
  return `(${shape.length === 1 ? `${inner},` : inner})`;
}

/** The shape a layer is built for when first called on `shape`: batch axis unknown. */
export function batchless(shape: Shape): SymbolicShape {
  return shape.length === 0 ? [] : [null, ...shape.slice(1)];
}

/** Whether a concrete shape fits a symbolic one (`null` matches any size). */
export function fits(spec: SymbolicShape, shape: Shape): boolean {
  return spec.length === shape.length && spec.every((d, i) => d === null || d === shape[i]);
}

/** Checks an input shape given by a user: known axes non-negative integers, unknown ones `null`. */
export function isSymbolicShape(shape: unknown): shape is SymbolicShape {
  return (
    Array.isArray(shape) &&
    shape.every((d) => d === null || (typeof d === 'number' && Number.isInteger(d) && d >= 0))
  );
}

export { fmtShape };
