import { runBackendConformance } from '@descent/testing';
import { cpuBackend } from './index';

// The float64 reference mode (what gradCheck and the optimizer fixtures run on) passes the same suite.
runBackendConformance({ name: 'cpu', plugins: () => [cpuBackend({ precision: 'float64' })] });
