import { InvalidArgumentError } from '@descent/core';

/** Keras' `to_snake_case`: `BatchNormalization` → `batch_normalization`, `Conv2D` → `conv2d`. */
export function snakeCase(name: string): string {
  return name
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** Layer and weight names become path segments: non-empty, no '/', not a prototype key. */
export function checkName(op: string, what: string, name: unknown): string {
  if (typeof name !== 'string' || name === '' || name.includes('/') || name === '__proto__') {
    throw new InvalidArgumentError(
      op,
      `${what} must be a non-empty string without '/', got ${JSON.stringify(name)}`,
    );
  }
  return name;
}
