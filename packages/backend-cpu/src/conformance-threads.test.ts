import { runBackendConformance } from '@descent/testing';
import { afterAll } from 'vitest';
import { cpuBackend } from './index';
import { cpuThreads } from './node';

// The threaded variant (every product split, however small) passes the same suite.
const pool = cpuThreads(2, { minWork: 0 });
afterAll(() => pool.close());
runBackendConformance({ name: 'cpu', plugins: () => [cpuBackend({ threads: pool })] });
