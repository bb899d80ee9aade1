import { runBackendConformance } from '@descent/testing';
import { cpuBackend } from './index';

runBackendConformance({ name: 'cpu', plugins: () => [cpuBackend()] });
