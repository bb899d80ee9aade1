import { comparison } from '../internal/elementwise';

/** Boolean and. */
export const logicalAndKernel = comparison(
  'logicalAnd',
  (a, b) => `(${a} > 0.5 && ${b} > 0.5)`,
  () => 'false',
);
