import type { TensorInfo } from '@descent/core';
import { Emitter } from './codegen';
import type * as I from './int32';
import { type GpujsKernel, gpujsKernel } from './kernel';
import { broadcastOffsets, float, int, load, outputElement, type Value } from './values';

export type MapFn = (e: Emitter, xs: Value[], inputs: readonly TensorInfo[]) => Value;

/**
 * The kernel of an elementwise op with NumPy broadcasting: each output element reads its
 * inputs (strides coalesced, 0 on broadcast axes) and `f` computes its value in generated code.
 */
export function mapKernel(op: string, f: MapFn): GpujsKernel {
  return gpujsKernel(op, ({ inputs, backend, out }) => {
    if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
    const e = new Emitter();
    const { index, ret } = outputElement(e, out.dtype);
    const offsets = broadcastOffsets(e, index, inputs, out.shape);
    const xs = inputs.map((t, i) => load(e, `x${i}`, t.dtype, offsets[i]!));
    ret(f(e, xs, inputs));
    return backend.run({ body: e.toString(), inputs }, out.shape, out.dtype);
  });
}

/** The float of a value known to be float32 or bool. */
export function f(v: Value): string {
  if (v.f === undefined) throw new Error('internal: expected a float value');
  return v.f;
}

/** A unary op on float32 (and bool) values only. */
export function floatUnary(op: string, fn: (e: Emitter, x: string) => string): GpujsKernel {
  return mapKernel(op, (e, [x]) => float(fn(e, f(x!))));
}

/** A unary op with a float32 and an int32 form. */
export function numericUnary(
  op: string,
  fn: (e: Emitter, x: string) => string,
  intFn: (e: Emitter, x: I.Limbs) => I.Limbs,
): GpujsKernel {
  return mapKernel(op, (e, [x]) => (x!.i ? int(intFn(e, x!.i)) : float(fn(e, x!.f!))));
}

/** A binary op with a float32 form and, for ops that take int32, an int32 form. */
export function numericBinary(
  op: string,
  fn: (e: Emitter, a: string, b: string) => string,
  intFn?: (e: Emitter, a: I.Limbs, b: I.Limbs) => I.Limbs,
): GpujsKernel {
  return mapKernel(op, (e, [a, b]) => {
    if (a!.i && b!.i) {
      if (!intFn) throw new Error(`internal: ${op} has no int32 form`);
      return int(intFn(e, a!.i, b!.i));
    }
    return float(fn(e, f(a!), f(b!)));
  });
}

/** A comparison: bool output (0/1) from float32, int32 or bool inputs. */
export function comparison(
  op: string,
  cond: (a: string, b: string) => string,
  intCond: (a: I.Limbs, b: I.Limbs) => string,
): GpujsKernel {
  return mapKernel(op, (_e, [a, b]) =>
    float(`(${a!.i && b!.i ? intCond(a!.i, b!.i) : cond(f(a!), f(b!))} ? 1.0 : 0.0)`),
  );
}
