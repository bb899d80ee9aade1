export {
  type BadInput,
  type ErrorClass,
  type InputValidationCheck,
  type InputValidationEntry,
  inputValidationChecks,
  prototypeMethods,
  runInputValidationSweep,
  runMethodValidationSweep,
} from './input-validation/run-input-validation-sweep';
export type { CloseOptions, Tolerance } from './internal/expect-close';
export { expectClose } from './internal/expect-close';
export {
  type OptimizerConformanceCheck,
  type OptimizerConformanceOptions,
  type OptimizerLibrary,
  optimizerConformanceChecks,
  runOptimizerConformance,
  type SerializedStateLike,
  type TransformUnderTest,
} from './optimizer-conformance/run-optimizer-conformance';
export {
  type PropertyConformanceOptions,
  propertySuite,
  runPropertyConformance,
} from './properties/run-property-conformance';
export type { BackendConformanceOptions } from './run-backend-conformance';
export { runBackendConformance } from './run-backend-conformance';
