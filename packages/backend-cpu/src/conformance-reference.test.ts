import { runBackendConformance } from '@descent/testing';
import { cpuBackend } from './index';

// The reference kernels (plain loops) pass the same suite as the fast ones.
runBackendConformance({ name: 'cpu', plugins: () => [cpuBackend({ kernels: 'reference' })] });
