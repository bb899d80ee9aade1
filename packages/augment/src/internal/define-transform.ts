import { DTypeError, fmtShape, InvalidArgumentError, ShapeError, Tensor } from '@descent/core';
import type { ApplyOptions, Batch, Transform } from '../transform';

/** A batch whose images were checked: 4-D float32, labels (if any) with the same batch size. */
export interface CheckedBatch extends Batch {
  readonly n: number;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

export interface TransformSpec {
  name: string;
  random: boolean;
  usesLabels?: boolean;
  /** `run` itself handles `training: false` (compose); otherwise a random transform is skipped. */
  handlesEvaluation?: boolean;
  /** Runs inside a `tidy` scope; returns the new batch (or the input's tensors unchanged). */
  run(batch: CheckedBatch, options: ApplyOptions): Batch;
}

/** Checks a transform's input and names the transform in every error. */
export function checkBatch(name: string, input: unknown): CheckedBatch {
  const batch = (input instanceof Tensor ? { images: input } : input) as Batch | undefined;
  const images = batch?.images;
  if (!(images instanceof Tensor)) {
    throw new InvalidArgumentError(
      name,
      `expected an NHWC image batch (a Tensor) or { images, labels }, got ${describe(input)}`,
    );
  }
  images.assertAlive(name);
  if (images.rank !== 4)
    throw new ShapeError(
      name,
      `expected a 4-D NHWC image batch [n, h, w, c], got shape ${fmtShape(images.shape)}`,
    );
  if (images.dtype !== 'float32') throw new DTypeError(name, ['float32'], images.dtype, 'images');
  const [n, height, width, channels] = images.shape as [number, number, number, number];
  const labels = batch!.labels;
  if (labels !== undefined) {
    if (!(labels instanceof Tensor))
      throw new InvalidArgumentError(name, `expected labels to be a Tensor, got ${describe(labels)}`);
    labels.assertAlive(name);
    if (labels.rank < 1 || labels.shape[0] !== n)
      throw new ShapeError(
        name,
        `expected labels with the batch size ${n} on axis 0, got shape ${fmtShape(labels.shape)}`,
      );
  }
  return { images, labels, n, height, width, channels };
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  return typeof x === 'object' ? 'an object without an images Tensor' : typeof x;
}

/** Makes a `Transform` from its per-batch function: input checks, evaluation mode, memory scope. */
export function defineTransform(spec: TransformSpec): Transform {
  const { name, random, usesLabels = false, handlesEvaluation = false } = spec;
  function apply(input: Tensor | Batch, options: ApplyOptions = {}): Tensor | Batch {
    const batch = checkBatch(name, input);
    const asTensor = input instanceof Tensor;
    // At evaluation a random transform is the identity (a pipeline skips its random steps, the
    // only label-aware ones), so labels are needed only when it will run.
    const evaluating = random && options.training === false;
    if (usesLabels && batch.labels === undefined && !evaluating)
      throw new InvalidArgumentError(name, 'needs labels: call apply({ images, labels })');
    if (evaluating && !handlesEvaluation) return input;
    const out = batch.images.runtime.tidy(() => {
      const r = spec.run(batch, options);
      // Transforms that do not touch labels return none: the input's pass through.
      return { images: r.images, labels: r.labels ?? batch.labels };
    });
    if (asTensor) return out.images;
    return out.labels === undefined ? { images: out.images } : out;
  }
  return { name, random, usesLabels, apply: apply as Transform['apply'] };
}
