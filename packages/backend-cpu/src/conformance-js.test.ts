import { runBackendConformance } from '@descent/testing';
import { cpuBackend } from './index';

// The JS GEMM variant (the fallback where WebAssembly SIMD is missing) passes the same suite.
runBackendConformance({ name: 'cpu', plugins: () => [cpuBackend({ kernels: 'js' })] });
