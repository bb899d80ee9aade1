export type { CpuBackendOptions, CpuData } from './cpu-backend';
export { CpuBackend } from './cpu-backend';
export { cpuBackend } from './cpu-backend-plugin';
export { cpuFusedKernels } from './cpu-fused-kernels';
export { cpuKernels } from './cpu-kernels';
export { cpuReferenceKernels } from './cpu-reference-kernels';
export type { CpuFusedKernel, CpuKernel } from './internal/kernel';
export { cpuFusedKernel, cpuKernel } from './internal/kernel';
