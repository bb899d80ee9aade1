export type { PReLUArgs } from './prelu';
export { PReLU } from './prelu';
export { preluPlugin } from './prelu-plugin';
