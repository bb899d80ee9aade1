import { trainingSuite } from './test-utils/training-suite';

trainingSuite('webgl2');
trainingSuite('webgpu');
