import type { DType, Shape } from '@descent/core';

/**
 * How many float32 texels one element of a dtype takes. float32 and bool take one; int32 takes
 * two exact 16-bit halves (see `int32.ts`), so every int32 value survives, not only |n| ≤ 2^24.
 */
export function widthOf(dtype: DType): 1 | 2 {
  return dtype === 'int32' ? 2 : 1;
}

/**
 * A kernel body under construction: gpu.js kernel source (a JS subset) emitted line by line,
 * with fresh variable names. Kernels are generated per (op, shapes, attrs): every shape and
 * stride is a literal, so the shader compiler sees constant loop bounds and index arithmetic.
 */
export class Emitter {
  private readonly lines: string[] = [];
  private counter = 0;

  /** Declares `let vN = expr;` and returns `vN`. */
  let(expr: string): string {
    const name = `v${this.counter++}`;
    this.lines.push(`let ${name} = ${expr};`);
    return name;
  }

  /** A raw statement. */
  line(statement: string): void {
    this.lines.push(statement);
  }

  /** A fresh name without a declaration (loop counters). */
  fresh(prefix = 'k'): string {
    return `${prefix}${this.counter++}`;
  }

  toString(): string {
    return this.lines.join('\n');
  }
}

/**
 * A float literal gpu.js turns into a float, whatever its value: integers get a decimal point
 * (gpu.js may type a bare integer literal as an int). Non-finite numbers have no literal in
 * shaders; pass them as uniforms.
 */
export function num(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`internal: ${v} has no shader literal; pass it as a uniform`);
  if (Object.is(v, -0)) return '-0.0';
  const s = String(v);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

/** Whether n is a power of two (its reciprocal is exact, so i * (1/n) is exact). */
function isPow2(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0 && n <= 2 ** 30;
}

/**
 * Emits q = floor(i / n) and r = i - q·n for a non-negative integer-valued float `i` and a
 * constant n ≥ 1. A float division can land one ulp below an integer (9 / 3 = 2.9999998 on some
 * GPUs), so the remainder is checked and the quotient corrected: exact for i < 2^24.
 */
export function divMod(e: Emitter, i: string, n: number): [q: string, r: string] {
  if (n === 1) return [i, '0.0'];
  if (isPow2(n)) {
    const q = e.let(`Math.floor((${i}) * ${num(1 / n)})`);
    return [q, e.let(`(${i}) - ${q} * ${num(n)}`)];
  }
  const q = e.let(`Math.floor((${i}) / ${num(n)})`);
  const r = e.let(`(${i}) - ${q} * ${num(n)}`);
  e.line(`if (${r} < 0.0) { ${q} = ${q} - 1.0; ${r} = ${r} + ${num(n)}; }`);
  e.line(`if (${r} >= ${num(n)}) { ${q} = ${q} + 1.0; ${r} = ${r} - ${num(n)}; }`);
  return [q, r];
}

/** Per-axis indices of flat element index `flat` in a row-major `shape` (axes of size 1 are '0.0'). */
export function unravel(e: Emitter, flat: string, shape: Shape): string[] {
  const idx = new Array<string>(shape.length);
  let rest = flat;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const d = shape[axis]!;
    if (d === 1) {
      idx[axis] = '0.0';
      continue;
    }
    if (axis === 0) {
      idx[axis] = rest;
      break;
    }
    const [q, r] = divMod(e, rest, d);
    idx[axis] = r;
    rest = q;
  }
  return idx;
}

/** Σ idx[i]·strides[i] + base as an expression (terms with stride 0 or index 0 left out). */
export function dot(idx: readonly string[], strides: readonly number[], base = 0): string {
  const terms: string[] = [];
  if (base !== 0) terms.push(num(base));
  for (let i = 0; i < idx.length; i++) {
    const s = strides[i]!;
    const x = idx[i]!;
    if (s === 0 || x === '0.0') continue;
    terms.push(s === 1 ? x : `${x} * ${num(s)}`);
  }
  return terms.length ? terms.join(' + ') : '0.0';
}

/**
 * Merges adjacent axes that every stride set walks contiguously and drops size-1 axes, so a
 * strided read needs as few divisions as possible (a same-shape read becomes one flat index).
 */
export function coalesce(shape: Shape, strides: readonly (readonly number[])[]): [number[], number[][]] {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let axis = 0; axis < shape.length; axis++) {
    const d = shape[axis]!;
    if (d === 1) continue;
    const last = outShape.length - 1;
    const merge = last >= 0 && strides.every((s, k) => outStrides[k]![last] === s[axis]! * d);
    if (merge) outShape[last]! *= d;
    else outShape.push(d);
    for (let k = 0; k < strides.length; k++) outStrides[k]![merge ? last : last + 1] = strides[k]![axis]!;
  }
  return [outShape, outStrides];
}

/**
 * Offsets into each of several arrays read at element `flat` of `shape`, each with its own
 * strides (0 on broadcast axes), after coalescing: returns one expression per stride set.
 */
export function stridedOffsets(
  e: Emitter,
  flat: string,
  shape: Shape,
  strides: readonly (readonly number[])[],
): string[] {
  const [s, ss] = coalesce(shape, strides);
  if (s.length === 0) return strides.map(() => '0.0');
  const idx = unravel(e, flat, s);
  return ss.map((st) => dot(idx, st));
}
