import type { CallbackFactory } from '../callback';
import { csvLogger } from '../callbacks/csv-logger';
import { earlyStopping } from '../callbacks/early-stopping';
import { jsonLogger } from '../callbacks/json-logger';
import { modelCheckpoint } from '../callbacks/model-checkpoint';
import { nanGuard } from '../callbacks/nan-guard';
import { progressBar } from '../callbacks/progress-bar';
import { reduceLROnPlateau } from '../callbacks/reduce-lr-on-plateau';

/** Built-in callbacks by the name `fit` and the `trainer()` plugin know them under (each takes one options object). */
export const builtinCallbacks: { readonly [name: string]: CallbackFactory } = {
  earlyStopping,
  reduceLROnPlateau,
  modelCheckpoint,
  progressBar,
  nanGuard,
  csvLogger: (o: { path: string; separator?: string; append?: boolean }) => csvLogger(o?.path, o),
  jsonLogger: (o: { path: string; batches?: boolean; append?: boolean }) => jsonLogger(o?.path, o),
};
