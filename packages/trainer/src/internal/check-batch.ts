import { fmtShape, InvalidArgumentError, ShapeError, Tensor } from '@descent/core';
import type { Batch, HostTensor } from '@descent/data';
import type { SymbolicShape } from '@descent/layers';
import { LabelRangeError } from '../errors';

/** The x and y of a batch, checked to be there and to agree on the batch size. */
export function fieldsOf(
  op: string,
  batch: Batch,
  needY: boolean,
): { x: HostTensor | Tensor; y: HostTensor | Tensor | undefined } {
  if (typeof batch !== 'object' || batch === null || !('x' in batch))
    throw new InvalidArgumentError(
      op,
      `expected batches with a field x${needY ? ' and a field y' : ''}, got ${describe(batch)}`,
    );
  const { x, y } = batch;
  if (needY && y === undefined) throw new InvalidArgumentError(op, 'the batches have no field y (labels)');
  if (y !== undefined && x!.shape[0] !== y.shape[0])
    throw new ShapeError(
      op,
      `x ${fmtShape(x!.shape)} and y ${fmtShape(y.shape)} hold different numbers of examples`,
    );
  return { x: x!, y };
}

/** x's shape must fit the model's input shape (batch axis and unknown sizes aside). */
export function checkFeatures(
  op: string,
  model: string,
  x: { shape: readonly number[] },
  expected: SymbolicShape,
): void {
  const s = x.shape;
  const ok = s.length === expected.length && expected.every((d, i) => i === 0 || d === null || d === s[i]);
  if (!ok) {
    const features = (sh: readonly (number | null)[]) =>
      sh.slice(1).reduce<number>((a, b) => a * (b ?? 1), 1);
    throw new ShapeError(
      op,
      `x has shape ${fmtShape(s)} per batch; model "${model}" takes inputs of shape [${expected.map((d) => d ?? 'null').join(',')}] (${features(s)} features per example where it expects ${features(expected)})`,
    );
  }
}

/** Class ids (host labels) must be integers in [0, classes). */
export function checkLabelRange(op: string, y: HostTensor | Tensor, classes: number, batch: number): void {
  if (y instanceof Tensor) return;
  const d = y.data;
  for (let i = 0; i < d.length; i++) {
    const v = d[i]!;
    if (!(v >= 0 && v < classes && Number.isInteger(v)))
      throw new LabelRangeError(
        op,
        v,
        classes,
        batch,
        Math.floor(i / Math.max(1, d.length / (y.shape[0] ?? 1))),
        y.shape,
      );
  }
}

function describe(v: unknown): string {
  if (v instanceof Tensor) return `a Tensor ${fmtShape(v.shape)}`;
  if (typeof v !== 'object' || v === null) return String(v);
  return `{${Object.keys(v).join(', ')}}`;
}
