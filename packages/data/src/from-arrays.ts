import {
  fmtShape,
  InvalidArgumentError,
  type NestedArray,
  ShapeError,
  Tensor,
  type TypedArray,
} from '@descent/core';
import { Dataset } from './dataset';
import { type HostTensor, hostTensor, isHostTensor } from './host-tensor';

/** A column `fromArrays` takes: a host tensor, a 1-D Float32Array/Int32Array, or nested arrays of numbers. */
export type ArrayColumn = HostTensor | Float32Array | Int32Array | readonly NestedArray[];

/** The example of a dataset made from columns: each field one row of its column. */
export type ExampleOf<C> = { readonly [K in keyof C]: HostTensor };

/**
 * An in-memory dataset of examples from columns that share their first axis (Keras'
 * `fit(x, y)` arrays): example `i` holds row `i` of every column, as views (no copy). It has
 * random access, so `shuffle` permutes indices and `take`/`skip`/splits cost nothing.
 *
 * @example
 * const ds = fromArrays({ x: hostTensor(pixels, [60000, 28, 28, 1]), y: hostTensor(labels, [60000], 'int32') });
 * ds.size; // 60000
 * ds.at(0); // { x: float32 [28,28,1], y: int32 [] }
 */
export function fromArrays<C extends { readonly [name: string]: ArrayColumn }>(
  columns: C,
): Dataset<ExampleOf<C>> {
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns) || columns instanceof Tensor)
    throw new InvalidArgumentError(
      'fromArrays',
      'expected an object of named columns, e.g. { x, y }; for tensors use fromTensors',
    );
  const names = Object.keys(columns);
  if (names.length === 0) throw new InvalidArgumentError('fromArrays', 'expected at least one column');
  const hosts = names.map((name) => toColumn(name, columns[name]));
  const n = hosts[0]!.shape[0]!;
  hosts.forEach((h, i) => {
    if (h.shape[0] !== n)
      throw new ShapeError(
        'fromArrays',
        `columns must share their first axis: "${names[0]}" is ${fmtShape(hosts[0]!.shape)}, "${names[i]}" is ${fmtShape(h.shape)}`,
      );
  });
  const rows = hosts.map((h) => ({
    shape: h.shape.slice(1),
    size: h.shape.slice(1).reduce((a, b) => a * b, 1),
    h,
  }));
  const get = (i: number): ExampleOf<C> => {
    const e: Record<string, HostTensor> = {};
    rows.forEach(({ shape, size, h }, c) => {
      e[names[c]!] = { data: h.data.subarray(i * size, (i + 1) * size), shape, dtype: h.dtype } as HostTensor;
    });
    return e as ExampleOf<C>;
  };
  return new Dataset<ExampleOf<C>>({
    size: n,
    get,
    *iterate() {
      for (let i = 0; i < n; i++) yield get(i);
    },
  });
}

function toColumn(name: string, c: ArrayColumn | undefined): HostTensor {
  if (isHostTensor(c)) {
    if (c.shape.length === 0)
      throw new ShapeError(
        'fromArrays',
        `column "${name}" is a scalar; columns need a first axis (one row per example)`,
      );
    return hostTensor(c.data, c.shape, c.dtype);
  }
  if (c instanceof Float32Array || c instanceof Int32Array) return hostTensor(c);
  if (Array.isArray(c)) {
    const shape: number[] = [];
    for (let v: unknown = c; Array.isArray(v); v = v[0]) shape.push(v.length);
    const flat: unknown[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) for (const x of v) walk(x);
      else flat.push(v);
    };
    walk(c);
    const size = shape.reduce((a, b) => a * b, 1);
    if (flat.length !== size || !flat.every((v) => typeof v === 'number'))
      throw new ShapeError('fromArrays', `column "${name}" is not a rectangular array of numbers`);
    return hostTensor(flat as number[], shape);
  }
  if (c instanceof Tensor)
    throw new InvalidArgumentError(
      'fromArrays',
      `column "${name}" is a Tensor: use await fromTensors({ ... })`,
    );
  throw new InvalidArgumentError(
    'fromArrays',
    `column "${name}" is ${ArrayBuffer.isView(c) ? (c as unknown as TypedArray).constructor.name : typeof c}; expected a HostTensor, a Float32Array, an Int32Array or nested arrays of numbers`,
  );
}
