import { type InitializerSpec, serializeInitializer } from '../initializers/initializer';
import { type ConstraintSpec, type RegularizerSpec, serializeEntry } from '../regularizer';
import type { JsonValue } from '../types';

/** Config form of an initializer. */
export function initConfig(spec: InitializerSpec): JsonValue {
  return serializeInitializer(spec);
}

/** Config form of an optional regularizer or constraint (`null` when absent). */
export function entryConfig(spec: RegularizerSpec | ConstraintSpec | null | undefined): JsonValue {
  return spec ? serializeEntry(spec) : null;
}
