import { gpuBackendSuite } from './test-utils/backend-suite';

gpuBackendSuite('webgl2', 'webgl2');
gpuBackendSuite('webgpu', 'webgpu');
gpuBackendSuite('gpu', 'webgl2');
