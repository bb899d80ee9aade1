import { add, concat, div, fill, mul, type Runtime, stack, type Tensor } from '@descent/core';
import { type Batch, type Dataset, EmptyDatasetError } from '@descent/data';
import type { Layer, Metric } from '@descent/layers';
import { checkFeatures, checkLabelRange, fieldsOf } from './check-batch';
import { upload } from './upload';
import { yieldToEventLoop } from './yield-to-event-loop';

/** What evaluation needs: the model on its runtime and backend, the loss and metrics, the label checks. */
export interface InferenceSetup {
  readonly rt: Runtime;
  readonly model: Layer;
  readonly backend: string;
  readonly loss: ((yTrue: Tensor, yPred: Tensor) => Tensor) | undefined;
  readonly metrics: readonly Metric[];
  /** Number of classes when labels must be class ids (sparse losses and metrics). */
  readonly classes: number | undefined;
  readonly yieldEvery: number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * The loss (mean over examples) and metrics of the model on every batch, in inference mode, each
 * batch in a memory scope; sums stay on the device and are read once at the end.
 */
export async function evaluateBatches(
  op: string,
  s: InferenceSetup,
  data: Dataset<Batch>,
): Promise<Record<string, number>> {
  const { rt, model } = s;
  for (const m of s.metrics) m.reset();
  let lossSum: Tensor | undefined;
  let count = 0;
  let b = 0;
  const it = data.iterate({ runtime: rt });
  try {
    for (let r = await it.next(); !r.done; r = await it.next()) {
      if (s.signal?.aborted) break;
      const batch = r.value;
      try {
        const { x, y } = fieldsOf(op, batch, s.loss !== undefined || s.metrics.length > 0);
        checkFeatures(op, model.name, x, model.builtInputShape!);
        if (s.classes !== undefined && y !== undefined) checkLabelRange(op, y, s.classes, b);
        const n = x.shape[0]!;
        rt.tidy(() => {
          const xt = upload(rt, x, s.backend);
          const yt = upload(rt, y!, s.backend);
          const pred = model.call(xt, { training: false });
          if (s.loss) {
            const l = mul(s.loss(yt, pred), n);
            const next = rt.keep(lossSum ? add(lossSum, l) : l);
            lossSum?.dispose();
            lossSum = next;
          }
          for (const m of s.metrics) m.update(yt, pred);
        });
        count += n;
      } finally {
        disposeBatch(batch);
      }
      if (++b % s.yieldEvery === 0) await yieldToEventLoop();
    }
  } finally {
    await it.return?.();
  }
  if (count === 0) {
    lossSum?.dispose();
    throw new EmptyDatasetError(op, 'the data yielded no examples to evaluate');
  }
  const names = [...(s.loss ? ['loss'] : []), ...s.metrics.map((m) => m.name)];
  const values = rt.tidy(() =>
    stack([
      ...(lossSum ? [div(lossSum, fill(rt, [], count, 'float32', { backend: s.backend }))] : []),
      ...s.metrics.map((m) => m.result()),
    ]),
  );
  lossSum?.dispose();
  try {
    const data = await values.data();
    return Object.fromEntries(names.map((n, i) => [n, data[i]!]));
  } finally {
    values.dispose();
    for (const m of s.metrics) m.reset();
  }
}

/** The model's outputs for every batch, joined along the batch axis (a tensor the caller owns). */
export async function predictBatches(op: string, s: InferenceSetup, data: Dataset<Batch>): Promise<Tensor> {
  const { rt, model } = s;
  const outs: Tensor[] = [];
  let b = 0;
  const it = data.iterate({ runtime: rt });
  try {
    for (let r = await it.next(); !r.done; r = await it.next()) {
      const batch = r.value;
      try {
        const { x } = fieldsOf(op, batch, false);
        checkFeatures(op, model.name, x, model.builtInputShape!);
        // Outside any scope (this function is async), the output outlives the tidy.
        outs.push(rt.tidy(() => model.call(upload(rt, x, s.backend), { training: false })));
      } finally {
        disposeBatch(batch);
      }
      if (++b % s.yieldEvery === 0) await yieldToEventLoop();
    }
  } catch (e) {
    for (const t of outs) t.dispose();
    throw e;
  } finally {
    await it.return?.();
  }
  if (outs.length === 0) throw new EmptyDatasetError(op, 'the data yielded no examples to predict');
  if (outs.length === 1) return outs[0]!;
  const out = concat(outs, 0);
  for (const t of outs) t.dispose();
  return out;
}

/** Frees the tensors a batch holds (host fields need nothing). */
export function disposeBatch(batch: unknown): void {
  if (typeof batch !== 'object' || batch === null) return;
  for (const v of Object.values(batch))
    if (v && typeof (v as Tensor).dispose === 'function') (v as Tensor).dispose();
}
