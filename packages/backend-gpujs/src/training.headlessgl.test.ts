import { trainingSuite } from './test-utils/training-suite';

trainingSuite('headlessgl');
