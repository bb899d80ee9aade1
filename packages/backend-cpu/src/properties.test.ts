import { runPropertyConformance } from '@descent/testing';
import { cpuBackend } from './index';

// Random shapes and values against the suite's float64 reference; PROPERTY_RUNS=20000 for nightly depth.
runPropertyConformance({ name: 'cpu', plugins: () => [cpuBackend()] });
