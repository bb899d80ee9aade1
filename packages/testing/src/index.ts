export type { CloseOptions, Tolerance } from './internal/expect-close';
export { expectClose } from './internal/expect-close';
export type { BackendConformanceOptions } from './run-backend-conformance';
export { runBackendConformance } from './run-backend-conformance';
