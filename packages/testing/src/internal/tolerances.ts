import type { Tolerance } from './expect-close';

// Float32 unit roundoff u = 2^-24 ≈ 6e-8 (half an ulp). The reference values are float64
// results rounded once to float32, so they carry at most u of their own error.

/** Integer, boolean and data-movement results, and float ops with one exact answer (abs, floor, max). */
export const EXACT: Tolerance = { rtol: 0, atol: 0 };

/**
 * One basic float32 operation (add, mul, div, sqrt, mod): correctly rounded that is within u of
 * the reference; 1e-5 (~170 u) leaves room for backends whose division is not correctly rounded
 * (GPU shaders: 2.5 ulp), atol for results that cancel to near zero.
 */
export const ARITH: Tolerance = { rtol: 1e-5, atol: 1e-6 };

/**
 * Library functions (exp, log, sin, tanh, erf, pow): a few ulp of the function itself plus the
 * argument's rounding amplified by the derivative (|x f'(x)/f(x)| ≤ 10 over the fixture ranges,
 * so ≤ 10 u ≈ 6e-7); 2e-5 relative also admits a float32 erf approximation of ~1e-7 absolute error.
 */
export const TRANSCENDENTAL: Tolerance = { rtol: 2e-5, atol: 2e-6 };

/**
 * Sums of K float32 terms (sum, matmul, conv, pooling): recursive summation errs by at most
 * γ_K·Σ|terms| ≈ K·u·Σ|terms|. The largest fixture sums have K ≤ 27 terms with Σ|terms| ≤ 48,
 * a worst case of 27·6e-8·48 ≈ 7.7e-5 absolute; typical errors are far smaller.
 */
export const ACCUMULATE: Tolerance = { rtol: 1e-5, atol: 1e-4 };

/**
 * Composites (softmax, logSumExp, variance): several rounded primitives in a chain, each within
 * the tolerances above; reductions of ≤ 24 terms of magnitude ≤ 16 (squares in variance).
 */
export const COMPOSITE: Tolerance = { rtol: 2e-5, atol: 2e-5 };
