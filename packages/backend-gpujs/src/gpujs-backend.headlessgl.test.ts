import { gpuBackendSuite } from './test-utils/backend-suite';

gpuBackendSuite('headlessgl', 'headlessgl');
gpuBackendSuite('gpu', 'headlessgl');
