import { type DType, type MemoryInfo, primitiveOps, type Runtime, type Tensor } from '@descent/core';
import { expect } from 'vitest';
import type { ConformanceCase, ErrorCase, SuiteContext, TensorSpec, ValueCase } from './case';
import { expectClose, type Tolerance } from './expect-close';
import { EXACT } from './tolerances';

const PRIMITIVES = new Set(primitiveOps.map((d) => d.name));
const ARRAY_OF = { float32: Float32Array, int32: Int32Array, bool: Uint8Array } as const;

/** A tensor holding a spec's values on the runtime's default backend. */
export function makeTensor(rt: Runtime, spec: TensorSpec): Tensor {
  return rt.tensor(ARRAY_OF[spec.dtype].from(spec.data), spec.shape, spec.dtype);
}

/**
 * Checks a tensor's shape, dtype and values (read with `data()`, and `dataSync()` where the
 * backend reads synchronously: both must agree). Floats compare within `tol`, others exactly.
 */
export async function expectTensor(
  t: Tensor,
  spec: TensorSpec,
  tol: Tolerance = EXACT,
  label = '',
): Promise<void> {
  const at = label ? `${label}: ` : '';
  expect(t.shape, `${at}shape`).toEqual([...spec.shape]);
  expect(t.dtype, `${at}dtype`).toBe(spec.dtype);
  const data = await t.data();
  expect(data, `${at}data() array type`).toBeInstanceOf(arrayTypeOf(t, spec.dtype));
  // Expected values are decimals: compare with their float32 rounding, what a tensor can hold.
  const want = spec.dtype === 'float32' ? Float32Array.from(spec.data) : spec.data;
  expectClose(data, want, {
    ...(spec.dtype === 'float32' ? tol : EXACT),
    shape: spec.shape,
    label: `${at}values`,
  });
  if (t.runtime.backend(t.backendName).readSync) {
    const sync = t.dataSync();
    expect(Array.from(sync), `${at}dataSync() agrees with data()`).toEqual(Array.from(data));
  }
}

/** The typed array `data()` returns for a dtype: float32 comes as Float64Array from a float64 reference backend. */
export function arrayTypeOf(
  t: Tensor,
  dtype: DType,
): typeof Float32Array | typeof Float64Array | typeof Int32Array | typeof Uint8Array {
  const float64 = t.runtime.backend(t.backendName).precision === 'float64';
  return dtype === 'float32' && float64 ? Float64Array : ARRAY_OF[dtype];
}

/** Live tensors and bytes of the runtime and of the backend's own counters. */
export function memorySnapshot(rt: Runtime, backend: string): Record<string, number> {
  const m: MemoryInfo = rt.memory();
  const b = m.backends[backend];
  return {
    numTensors: m.numTensors,
    numBytes: m.numBytes,
    backendBuffers: b?.backend.buffers ?? 0,
    backendBytes: b?.backend.bytes ?? 0,
  };
}

/** Fails if anything the case made is still alive (in core's or the backend's counters). */
export function expectMemoryBack(rt: Runtime, backend: string, before: Record<string, number>): void {
  expect(memorySnapshot(rt, backend), 'memory after the case (leaked tensors or buffers)').toEqual(before);
}

/** Runs one case against the suite's runtime, then checks nothing leaked. */
export async function runCase(ctx: SuiteContext, c: ConformanceCase): Promise<void> {
  const rt = ctx.rt;
  const before = memorySnapshot(rt, ctx.backend);
  if (c.kind === 'value') await runValueCase(ctx, c);
  else if (c.kind === 'error') runErrorCase(rt, c);
  else await c.test(ctx);
  expectMemoryBack(rt, ctx.backend, before);
}

async function runValueCase(ctx: SuiteContext, c: ValueCase): Promise<void> {
  const rt = ctx.rt;
  const inputs = c.inputs.map((s) => makeTensor(rt, s));
  const ran = new Set<string>();
  // Only primitives are traced: a listener would make fused ops run their composite instead.
  const stop = PRIMITIVES.has(c.op) ? rt.onOp((r) => ran.add(r.op.name)) : () => {};
  let out: Tensor | undefined;
  try {
    try {
      out = rt.tidy(() => c.run(inputs, rt));
    } finally {
      stop();
    }
    if (PRIMITIVES.has(c.op)) {
      // The coverage check trusts `op`; make sure the case really ran it.
      expect([...ran], `case of "${c.op}" ran these ops`).toContain(c.op);
    }
    await expectTensor(out, c.expected, ctx.tol(c.tol ?? EXACT));
  } finally {
    out?.dispose();
    rt.dispose(inputs);
  }
}

function runErrorCase(rt: Runtime, c: ErrorCase): void {
  const inputs = c.inputs.map((s) => makeTensor(rt, s));
  try {
    let thrown: unknown;
    try {
      rt.tidy(() => {
        c.run(inputs, rt);
        return undefined;
      });
    } catch (err) {
      thrown = err;
    }
    expect(thrown, `expected ${c.error.name}`).toBeInstanceOf(c.error);
    // Errors name the op that rejected the input.
    if (PRIMITIVES.has(c.op)) expect((thrown as Error).message).toContain(c.op);
  } finally {
    rt.dispose(inputs);
  }
}
