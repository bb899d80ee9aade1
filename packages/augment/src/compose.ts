import {
  describeValue,
  fmtShape,
  InvalidArgumentError,
  oneHot,
  ShapeError,
  shapesEqual,
  type Tensor,
  where,
} from '@descent/core';
import { defineTransform } from './internal/define-transform';
import { uniforms } from './internal/random';
import type { ApplyOptions, Batch, Transform } from './transform';

/** A pipeline step: a transform, or a transform applied to each sample with probability `p`. */
export type ComposeStep =
  | Transform
  | {
      /** The transform. */
      readonly transform: Transform;
      /** Probability, per sample, that the transform applies (0 to 1). */
      readonly p: number;
    };

/**
 * Chains transforms into one. A step `{ transform, p }` with a random transform applies to each
 * sample with probability `p` (drawn per sample; the transform runs on the batch and each sample
 * keeps either result), so it must keep the batch's shape. Deterministic transforms ignore `p`
 * below 1 (they always run; `p = 0` skips them). At evaluation (`{ training: false }`) the random steps are
 * skipped and the deterministic ones (`normalize`, `resize`, `centerCrop`) still run: a
 * pipeline of random transforms is then the identity.
 *
 * @example
 * const augment = compose([
 *   { transform: randomRotation({ degrees: 10 }), p: 0.5 },
 *   randomCrop({ size: 28, padding: 2 }),
 *   normalize({ mean: 0.1307, std: 0.3081 }),
 * ]);
 * const train = augment.apply({ images, labels });
 * const test = augment.apply(images, { training: false }); // normalized only
 */
export function compose(steps: readonly ComposeStep[]): Transform {
  const name = 'compose';
  if (!Array.isArray(steps))
    throw new InvalidArgumentError(name, `expected an array of transforms, got ${describeValue(steps)}`);
  const parsed = steps.map((s, i) => {
    if (s === null || typeof s !== 'object')
      throw new InvalidArgumentError(
        name,
        `step ${i} is not a transform (or { transform, p }), got ${describeValue(s)}`,
      );
    const [transform, p] = 'transform' in s ? [s.transform, s.p] : [s, 1];
    if (typeof transform?.apply !== 'function')
      throw new InvalidArgumentError(name, `step ${i} is not a transform (or { transform, p })`);
    if (typeof p !== 'number' || !(p >= 0 && p <= 1))
      throw new InvalidArgumentError(name, `step ${i} (${transform.name}): expected p in [0, 1], got ${p}`);
    return { transform, p };
  });
  return defineTransform({
    name,
    random: parsed.some((s) => s.transform.random),
    usesLabels: parsed.some((s) => s.transform.usesLabels),
    handlesEvaluation: true,
    run: (batch, options) => {
      let cur: Batch = { images: batch.images, labels: batch.labels };
      for (const { transform, p } of parsed) {
        if (options.training === false && transform.random) continue;
        if (p === 0) continue;
        cur =
          p === 1 || !transform.random
            ? transform.apply(cur, options)
            : sometimes(transform, p, cur, options);
      }
      return cur;
    },
  });
}

/** Runs `t` on the batch and keeps its result for the samples drawn with probability `p`. */
function sometimes(t: Transform, p: number, batch: Batch, options: ApplyOptions): Batch {
  const { images, labels } = batch;
  const rt = images.runtime;
  const n = images.shape[0]!;
  const pick = Uint8Array.from(uniforms(rt, n), (u) => (u < p ? 1 : 0));
  const out = t.apply(batch, options);
  if (!shapesEqual(out.images.shape, images.shape))
    throw new InvalidArgumentError(
      'compose',
      `${t.name} changes the batch shape ${fmtShape(images.shape)} to ${fmtShape(out.images.shape)}, so it cannot run with p < 1`,
    );
  const on = { backend: images.backendName };
  const chosen = where(rt.tensor(pick, [n, 1, 1, 1], 'bool', on), out.images, images);
  if (out.labels === labels || out.labels === undefined || labels === undefined)
    return { images: chosen, labels: out.labels };
  const before = sameForm(t.name, labels, out.labels);
  const cond = rt.tensor(pick, [n, ...out.labels.shape.slice(1).map(() => 1)], 'bool', on);
  return { images: chosen, labels: where(cond, out.labels, before) };
}

/** Brings the input labels to the form a label-aware transform returned (class indices → one-hot rows). */
function sameForm(name: string, labels: Tensor, like: Tensor): Tensor {
  if (shapesEqual(labels.shape, like.shape) && labels.dtype === like.dtype) return labels;
  if (labels.dtype === 'int32' && labels.rank === 1 && like.rank === 2) return oneHot(labels, like.shape[1]!);
  throw new ShapeError(
    'compose',
    `${name} returned labels ${like.dtype} ${fmtShape(like.shape)} that cannot be matched with ${labels.dtype} ${fmtShape(labels.shape)}`,
  );
}
