import { binaryAccuracy } from './binary-accuracy';
import { categoricalAccuracy } from './categorical-accuracy';
import type { MetricFactory } from './metric';
import { precision } from './precision';
import { recall } from './recall';
import { sparseCategoricalAccuracy } from './sparse-categorical-accuracy';
import { sparseTopKCategoricalAccuracy } from './sparse-top-k-categorical-accuracy';
import { topKCategoricalAccuracy } from './top-k-categorical-accuracy';

/** Every built-in metric by registered name; `layers()` registers these. */
export const builtinMetrics: Readonly<Record<string, MetricFactory>> = {
  binaryAccuracy: (c) => binaryAccuracy(c as Parameters<typeof binaryAccuracy>[0]),
  categoricalAccuracy: (c) => categoricalAccuracy(c as Parameters<typeof categoricalAccuracy>[0]),
  sparseCategoricalAccuracy: (c) =>
    sparseCategoricalAccuracy(c as Parameters<typeof sparseCategoricalAccuracy>[0]),
  topKCategoricalAccuracy: (c) => topKCategoricalAccuracy(c as Parameters<typeof topKCategoricalAccuracy>[0]),
  sparseTopKCategoricalAccuracy: (c) =>
    sparseTopKCategoricalAccuracy(c as Parameters<typeof sparseTopKCategoricalAccuracy>[0]),
  precision: (c) => precision(c as Parameters<typeof precision>[0]),
  recall: (c) => recall(c as Parameters<typeof recall>[0]),
};
