export { GpuContextError } from './gpu-context-error';
export type {
  GpujsBackendOptions,
  GpujsData,
  GpujsMode,
  GpujsProgram,
  GpujsResolvedMode,
} from './gpujs-backend';
export { GpujsBackend } from './gpujs-backend';
export { gpujsBackend } from './gpujs-backend-plugin';
export { gpujsKernels } from './gpujs-kernels';
export type { GpujsKernel } from './internal/kernel';
export { gpujsKernel } from './internal/kernel';
export { isGpujsModeAvailable } from './is-gpujs-mode-available';
