export { addDecayedWeights } from '@descent/optimizers';
export { activityPenalty } from './activity-penalty';
export { checkCoefficient } from './check-coefficient';
export type { MaxNormConfig } from './constraints/max-norm';
export { maxNorm } from './constraints/max-norm';
export type { MinMaxNormConfig } from './constraints/min-max-norm';
export { minMaxNorm } from './constraints/min-max-norm';
export type { NonNegConfig } from './constraints/non-neg';
export { nonNeg } from './constraints/non-neg';
export type { UnitNormConfig } from './constraints/unit-norm';
export { unitNorm } from './constraints/unit-norm';
export type { ConstraintDefinition, WeightConstraint, WeightConstraintFactory } from './define-constraint';
export { defineConstraint } from './define-constraint';
export type { EntryConfig, Penalty, PenaltyDefinition, PenaltyFactory } from './define-penalty';
export { definePenalty } from './define-penalty';
export { PenaltyPathError, RegularizerConfigError } from './errors';
export { NORM_EPSILON } from './internal/norms';
export type { PenalizedLoss, PenaltyTerms } from './penalized';
export { penalized } from './penalized';
export type { L1Config } from './penalties/l1';
export { l1 } from './penalties/l1';
export type { L1L2Config } from './penalties/l1l2';
export { l1l2 } from './penalties/l1l2';
export type { L2Config } from './penalties/l2';
export { l2 } from './penalties/l2';
export type { PenaltyMap, PenaltySource } from './penalty-loss';
export { penaltyLoss } from './penalty-loss';
export type { ConstraintFactory, RegularizerFactory, RegularizersRegistryKinds } from './registry-kinds';
export {
  builtinConstraints,
  builtinRegularizers,
  REGULARIZERS_PLUGIN,
  regularizers,
} from './regularizers-plugin';
export { treePenalty } from './tree-penalty';
export { weightDecayForL2 } from './weight-decay-for-l2';
