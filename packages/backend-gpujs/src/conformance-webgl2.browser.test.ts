import { runBackendConformance } from '@descent/testing';
import { gpujsBackend } from './index';

runBackendConformance({ name: 'gpujs', plugins: () => [gpujsBackend({ mode: 'webgl2' })] });
