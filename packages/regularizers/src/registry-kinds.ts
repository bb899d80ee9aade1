import type { Constraint, Regularizer } from '@descent/layers';

/**
 * What the registry holds under kind `regularizer`: a factory from a saved config (`{ l2: 0.01 }`,
 * or `{}` for a bare name) to a penalty. Configs come from JSON, so each factory checks its own.
 */
// biome-ignore lint/suspicious/noExplicitAny: each factory has its own config type; the registry holds them all.
export type RegularizerFactory = (config?: any) => Regularizer;

/** What the registry holds under kind `constraint`: a factory from a saved config to a constraint. */
// biome-ignore lint/suspicious/noExplicitAny: see RegularizerFactory.
export type ConstraintFactory = (config?: any) => Constraint;

/** The registry kinds this package types (by declaration merging on core's `RegistryKinds`). */
export interface RegularizersRegistryKinds {
  /** Penalties, by Keras class name (`'L2'`) and alias (`'l2'`). */
  regularizer: RegularizerFactory;
  /** Constraints, by Keras class name (`'MaxNorm'`) and alias (`'maxNorm'`). */
  constraint: ConstraintFactory;
}

declare module '@descent/core' {
  interface RegistryKinds {
    /** Penalties, by Keras class name (`'L2'`) and alias (`'l2'`); typed by `@descent/regularizers`. */
    regularizer: RegularizerFactory;
    /**
     * Constraints, by Keras class name (`'MaxNorm'`) and alias (`'maxNorm'`); typed by
     * `@descent/regularizers`.
     */
    constraint: ConstraintFactory;
  }
}
