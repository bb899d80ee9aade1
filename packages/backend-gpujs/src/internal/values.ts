import type { DType, Shape, TensorInfo } from '@descent/core';
import { broadcastStrides } from '@descent/core';
import { type Emitter, stridedOffsets, widthOf } from './codegen';
import { constant, type Limbs } from './int32';

/**
 * A value in generated code: one float (float32, or bool as 0/1), or an int32 as limbs.
 */
export type Value =
  | { readonly f: string; readonly i?: undefined }
  | { readonly i: Limbs; readonly f?: undefined };

export const float = (f: string): Value => ({ f });
export const int = (i: Limbs): Value => ({ i });

/** The value of element `index` (an expression) of input `name` of `dtype`. */
export function load(e: Emitter, name: string, dtype: DType, index: string): Value {
  if (dtype !== 'int32') return { f: e.let(`${name}[${e.let(index)}]`) };
  const base = e.let(`2.0 * (${index})`);
  return { i: { hi: e.let(`${name}[${base}]`), lo: e.let(`${name}[${base} + 1.0]`) } };
}

/** A JS number as a value of `dtype` (already converted to it). */
export function literalOf(v: number, dtype: DType): Value {
  if (dtype === 'int32') return { i: constant(v) };
  return { f: `${v}` };
}

/**
 * The start of a kernel body whose output is `dtype`: the output element index (`o`, or o / 2
 * for int32) and a function that emits the `return` of the element's value.
 */
export function outputElement(e: Emitter, dtype: DType): { index: string; ret: (v: Value) => void } {
  if (widthOf(dtype) === 1) {
    return {
      index: 'o',
      ret: (v) => {
        if (v.f === undefined) throw new Error('internal: int32 value for a float output');
        e.line(`return ${v.f};`);
      },
    };
  }
  const index = e.let('Math.floor(o * 0.5)');
  const limb = e.let(`o - 2.0 * ${index}`);
  return {
    index,
    ret: (v) => {
      if (v.i === undefined) throw new Error('internal: float value for an int32 output');
      e.line(`return ${limb} < 0.5 ? ${v.i.hi} : ${v.i.lo};`);
    },
  };
}

/** Element offsets of each input read at output element `index`, broadcast to `outShape`. */
export function broadcastOffsets(
  e: Emitter,
  index: string,
  inputs: readonly TensorInfo[],
  outShape: Shape,
): string[] {
  return stridedOffsets(
    e,
    index,
    outShape,
    inputs.map((t) => broadcastStrides(t.shape, outShape)),
  );
}

/**
 * `name[index]` with the index in a variable: gpu.js folds a constant index expression into an
 * int literal that its texture lookup does not accept.
 */
export function at(e: Emitter, name: string, index: string): string {
  return `${name}[${e.let(index)}]`;
}
