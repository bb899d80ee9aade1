import { fmtShape, InvalidArgumentError, ShapeError } from './errors';
import type { Shape } from './types';

/**
 * Number of elements of a shape (1 for a scalar, 0 if any axis is 0).
 *
 * @example
 * sizeOf([2, 3, 4]); // 24
 */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides in elements: the last axis has stride 1. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

/**
 * NumPy broadcasting of any number of shapes; throws a `ShapeError` naming `op`.
 *
 * @example
 * broadcastShapes('add', [2, 1], [3]); // [2, 3]
 */
export function broadcastShapes(op: string, ...shapes: Shape[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (let i = 1; i <= rank; i++) {
    let d = 1;
    for (const s of shapes) {
      const v = s[s.length - i] ?? 1;
      if (v === 1) continue;
      if (d !== 1 && v !== d) {
        throw new ShapeError(
          op,
          `shapes ${shapes.map(fmtShape).join(' and ')} cannot be broadcast: axis -${i} has sizes ${d} and ${v} (expected equal sizes or 1)`,
        );
      }
      d = v;
    }
    out[rank - i] = d;
  }
  return out;
}

/**
 * Strides for reading `from` (broadcast up to `to`) with an index of `to`: 0 on broadcast axes.
 * Backends use this to walk a broadcast input without materialising it.
 */
export function broadcastStrides(from: Shape, to: Shape): number[] {
  const fs = stridesOf(from);
  const off = to.length - from.length;
  return to.map((_, i) => (i < off || from[i - off] === 1 ? 0 : fs[i - off]!));
}

/**
 * Whether two shapes are the same, axis by axis.
 *
 * @example
 * shapesEqual([2, 3], [2, 3]); // true
 */
export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Checks a shape: non-negative integers only. */
export function assertValidShape(op: string, shape: Shape): void {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new ShapeError(op, `expected a shape of non-negative integers, got ${JSON.stringify(shape)}`);
  }
}

/** Resolves a possibly negative axis against a rank. */
export function normalizeAxis(op: string, axis: number, rank: number): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= Math.max(rank, 1)) {
    throw new InvalidArgumentError(
      op,
      `axis ${axis} is out of range for rank ${rank} (expected -${rank}..${rank - 1})`,
    );
  }
  if (rank === 0) throw new InvalidArgumentError(op, `axis ${axis} given for a scalar`);
  return axis < 0 ? axis + rank : axis;
}

/** Resolves axes (undefined = all) to sorted, unique, non-negative axes. */
export function normalizeAxes(
  op: string,
  axes: number | readonly number[] | undefined,
  rank: number,
): number[] {
  if (axes === undefined) return [...Array(rank).keys()];
  const list = typeof axes === 'number' ? [axes] : axes;
  const out = [...new Set(list.map((a) => normalizeAxis(op, a, rank)))].sort((a, b) => a - b);
  if (out.length !== list.length)
    throw new InvalidArgumentError(op, `axes ${JSON.stringify(list)} repeat an axis`);
  return out;
}

/** Output size of a convolution or pooling window along one axis. */
export function windowOutputSize(
  inSize: number,
  window: number,
  stride: number,
  padBefore: number,
  padAfter: number,
  dilation = 1,
): number {
  const effective = (window - 1) * dilation + 1;
  return Math.floor((inSize + padBefore + padAfter - effective) / stride) + 1;
}
