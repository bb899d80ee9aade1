export type { CpuBackendOptions, CpuData } from './cpu-backend';
export { CpuBackend } from './cpu-backend';
export { cpuBackend } from './cpu-backend-plugin';
export { cpuKernels } from './cpu-kernels';
export { cpuReferenceKernels } from './cpu-reference-kernels';
export type { CpuKernel } from './internal/kernel';
export { cpuKernel } from './internal/kernel';
