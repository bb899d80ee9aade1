import { comparison } from '../internal/elementwise';

/** Boolean or. */
export const logicalOrKernel = comparison(
  'logicalOr',
  (a, b) => `(${a} > 0.5 || ${b} > 0.5)`,
  () => 'false',
);
