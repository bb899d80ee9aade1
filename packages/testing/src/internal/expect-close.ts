import type { Shape } from '@descent/core';

/** Tolerances of a float comparison: `|actual - expected| <= atol + rtol * |expected|` (NumPy's allclose). */
export interface Tolerance {
  /** Relative tolerance. */
  rtol: number;
  /** Absolute tolerance. */
  atol: number;
}

/** Options of `expectClose`: tolerances (defaults by dtype) and how to report a failure. */
export interface CloseOptions extends Partial<Tolerance> {
  /** Shape of both arrays, to report the worst element's multi-index. */
  shape?: Shape;
  /** Prefix for the failure message (the case being checked). */
  label?: string;
}

/** Defaults of `expectClose`: about 80 float32 ulps relative, for one or a few rounded operations. */
export const DEFAULT_TOLERANCE: Tolerance = { rtol: 1e-5, atol: 1e-6 };

/**
 * Asserts two arrays are elementwise close: `|a - e| <= atol + rtol * |e|`. NaN matches only NaN,
 * an infinity only the same infinity, and -0 equals 0. On failure the message names how many
 * elements differ and the worst one (relative to its tolerance): index, value and expected value.
 *
 * @example
 * import { expectClose } from '@descent/testing';
 * expectClose(await y.data(), [0.5, 0.25], { rtol: 1e-6, atol: 0 });
 */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  options: CloseOptions = {},
): void {
  const rtol = options.rtol ?? DEFAULT_TOLERANCE.rtol;
  const atol = options.atol ?? DEFAULT_TOLERANCE.atol;
  const prefix = options.label ? `${options.label}: ` : '';
  if (actual.length !== expected.length) {
    throw assertionError(`${prefix}expected ${expected.length} elements, got ${actual.length}`);
  }
  let bad = 0;
  let worst = -1;
  let worstScore = 0;
  for (let i = 0; i < actual.length; i++) {
    const score = violation(actual[i]!, expected[i]!, rtol, atol);
    if (score > 1) {
      bad++;
      if (score > worstScore) {
        worstScore = score;
        worst = i;
      }
    }
  }
  if (bad === 0) return;
  const a = actual[worst]!;
  const e = expected[worst]!;
  const at = options.shape ? ` ${formatIndex(worst, options.shape)}` : '';
  const diff = Number.isFinite(a - e)
    ? ` (|diff| ${fmt(Math.abs(a - e))} > tol ${fmt(atol + rtol * Math.abs(e))})`
    : '';
  throw assertionError(
    `${prefix}${bad} of ${actual.length} elements differ (rtol ${rtol}, atol ${atol}); worst at index ${worst}${at}: got ${fmt(a)}, expected ${fmt(e)}${diff}`,
  );
}

/** How far outside its tolerance an element is: <= 1 passes, Infinity for NaN / infinity mismatches. */
function violation(a: number, e: number, rtol: number, atol: number): number {
  if (Number.isNaN(e) || Number.isNaN(a)) return Number.isNaN(e) && Number.isNaN(a) ? 0 : Infinity;
  if (!Number.isFinite(e) || !Number.isFinite(a)) return a === e ? 0 : Infinity;
  const diff = Math.abs(a - e);
  if (diff === 0) return 0;
  const tol = atol + rtol * Math.abs(e);
  return tol === 0 ? Infinity : diff / tol;
}

/** Row-major flat index as a multi-index, e.g. `[1,0,2]`. */
export function formatIndex(flat: number, shape: Shape): string {
  const idx: number[] = [];
  let rest = flat;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i]!;
    idx.unshift(d === 0 ? 0 : rest % d);
    rest = d === 0 ? 0 : Math.floor(rest / d);
  }
  return `[${idx.join(',')}]`;
}

function fmt(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

function assertionError(message: string): Error {
  const err = new Error(message);
  err.name = 'AssertionError';
  return err;
}
