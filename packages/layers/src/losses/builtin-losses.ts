import { binaryCrossentropy } from './binary-crossentropy';
import { categoricalCrossentropy } from './categorical-crossentropy';
import { huber } from './huber';
import type { LossFactory } from './loss';
import { meanAbsoluteError } from './mean-absolute-error';
import { meanSquaredError } from './mean-squared-error';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';

/** Every built-in loss by registered name; `layers()` registers these. */
export const builtinLosses: Readonly<Record<string, LossFactory>> = {
  meanSquaredError: (c) => meanSquaredError(c as Parameters<typeof meanSquaredError>[0]),
  meanAbsoluteError: (c) => meanAbsoluteError(c as Parameters<typeof meanAbsoluteError>[0]),
  huber: (c) => huber(c as Parameters<typeof huber>[0]),
  binaryCrossentropy: (c) => binaryCrossentropy(c as Parameters<typeof binaryCrossentropy>[0]),
  categoricalCrossentropy: (c) => categoricalCrossentropy(c as Parameters<typeof categoricalCrossentropy>[0]),
  sparseCategoricalCrossentropy: (c) =>
    sparseCategoricalCrossentropy(c as Parameters<typeof sparseCategoricalCrossentropy>[0]),
};
