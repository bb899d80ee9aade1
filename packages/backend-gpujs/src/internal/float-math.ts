import type { Emitter } from './codegen';

/**
 * IEEE-754 float32 semantics on top of shader built-ins, which leave NaN, ±Infinity and
 * signed zeros unspecified (and differ between drivers): measured on SwiftShader and Mesa,
 * `exp(NaN)` is Infinity, `log(-1)` is `log(1)`, `tanh(Infinity)` is NaN, `sign(NaN)` is 0 and
 * `max(NaN, 1)` is 1. Each function guards its special cases explicitly and computes the rest
 * with built-ins (or series where the built-in loses relative accuracy near 0).
 *
 * `inf` and `nan` are uniforms: shader languages have no literal for them (gpu.js turns
 * `Infinity` into FLT_MAX).
 *
 * NaN is tested with `x == x` only: WGSL's `!=` compiles to an ordered comparison on
 * SwiftShader (NaN != NaN is false there), while `==` is ordered everywhere.
 */

export const INF = 'inf';
export const NAN = 'nan';

/** Boolean expression: x is not NaN. */
export const notNaN = (x: string) => `(${x} == ${x})`;

/**
 * exp with exp(NaN) = NaN, to ~2 ulp: built-ins compute 2^(x·log2 e), whose error grows with |x|
 * (~60 ulp at x = 80 on SwiftShader). Here x = k·ln2 + r with |r| ≤ ln2/2 (Cody–Waite: k·C1 is
 * exact, C1 having 9 significant bits), e^r from the built-in and 2^k as two exact powers of two
 * (so 2^128 · e^r need not overflow first). Beyond the normal range the built-in takes over.
 */
export function exp(e: Emitter, x: string): string {
  const k = e.let(`Math.floor(${x} * 1.4426950408889634 + 0.5)`);
  const r = e.let(`(${x} - ${k} * 0.693359375) - ${k} * -0.00021219444005469057`);
  const half = e.let(`Math.floor(${k} * 0.5)`);
  const reduced = e.let(`Math.exp(${r}) * Math.pow(2.0, ${half}) * Math.pow(2.0, ${k} - ${half})`);
  return e.let(`${notNaN(x)} ? (${x} >= -87.33 && ${x} <= 88.73 ? ${reduced} : Math.exp(${x})) : ${x}`);
}

/**
 * expm1(x) = e^x - 1 without cancellation near 0: a Taylor series for |x| < 0.5 (terms to x^10,
 * truncation below 3e-10 relative), e^x - 1 beyond, where at most ~1.5 bits cancel.
 */
export function expm1(e: Emitter, x: string): string {
  const s = e.let(
    `${x} * (1.0 + ${x} * (0.5 + ${x} * (0.16666666666666666 + ${x} * (0.041666666666666664 + ${x} * (0.008333333333333333 + ${x} * (0.001388888888888889 + ${x} * (0.0001984126984126984 + ${x} * (0.0000248015873015873 + ${x} * (0.0000027557319223985893 + ${x} * 2.755731922398589e-7)))))))))`,
  );
  const big = exp(e, x);
  return e.let(`${notNaN(x)} ? (Math.abs(${x}) < 0.5 ? ${s} : ${big} - 1.0) : ${x}`);
}

/**
 * log1p(x) for |x| < 0.5 as 2·atanh(s) with s = x / (2 + x), |s| < 1/3: the odd series to s^15
 * (truncation ~1e-9 relative); a built-in log has an absolute error near 1, which is a large
 * relative error for a small result. The caller handles |x| ≥ 0.5 and special values.
 */
function log1pSeries(e: Emitter, x: string): string {
  const s = e.let(`${x} / (2.0 + ${x})`);
  const s2 = e.let(`${s} * ${s}`);
  return e.let(
    `2.0 * ${s} * (1.0 + ${s2} * (0.3333333333333333 + ${s2} * (0.2 + ${s2} * (0.14285714285714285 + ${s2} * (0.1111111111111111 + ${s2} * (0.09090909090909091 + ${s2} * (0.07692307692307693 + ${s2} * 0.06666666666666667)))))))`,
  );
}

/** Special values of log(u) for u ≤ 0, +Infinity and NaN; `value` for the rest. */
function logSpecial(e: Emitter, u: string, value: string): string {
  return e.let(
    `${notNaN(u)} ? (${u} < 0.0 ? ${NAN} : (${u} == 0.0 ? -${INF} : (${u} == ${INF} ? ${INF} : ${value}))) : ${u}`,
  );
}

/** Natural log: -Infinity at ±0, NaN below 0; near 1 through the log1p series (x - 1 is exact there). */
export function log(e: Emitter, x: string): string {
  const d = e.let(`${x} - 1.0`);
  const near = log1pSeries(e, d);
  return logSpecial(e, x, `(Math.abs(${d}) < 0.5 ? ${near} : Math.log(${x}))`);
}

/** log(1 + x): -Infinity at -1, NaN below. */
export function log1p(e: Emitter, x: string): string {
  const u = e.let(`1.0 + ${x}`);
  const near = log1pSeries(e, x);
  const v = logSpecial(e, u, `(Math.abs(${x}) < 0.5 ? ${near} : Math.log(${u}))`);
  // 1 + x rounds to 1 for tiny x, to +Infinity only for x = +Infinity.
  return e.let(`${x} == ${INF} ? ${INF} : ${v}`);
}

/** tanh: ±1 beyond |x| = 9 (float32 1 - 3e-8), 1 - 2/(e^2|x| + 1) from 0.25, expm1-based below. */
export function tanh(e: Emitter, x: string): string {
  const a = e.let(`Math.abs(${x})`);
  const t = expm1(e, `(2.0 * ${a})`);
  const small = e.let(`${t} / (${t} + 2.0)`);
  const mid = e.let(`1.0 - 2.0 / (Math.exp(2.0 * ${a}) + 1.0)`);
  const m = e.let(`${a} > 9.0 ? 1.0 : (${a} < 0.25 ? ${small} : ${mid})`);
  return e.let(`${notNaN(x)} ? (${x} < 0.0 ? -${m} : ${m}) : ${x}`);
}

/** sign: -1, 0 or 1; NaN stays NaN. */
export function sign(e: Emitter, x: string): string {
  return e.let(`${notNaN(x)} ? (${x} > 0.0 ? 1.0 : (${x} < 0.0 ? -1.0 : 0.0)) : ${x}`);
}

/**
 * Round half to even; ±Infinity and NaN pass through (floor keeps them). A zero result takes
 * x's sign (IEEE: round(-0.3) = -0), which floor(x) + 1 = +0 would lose.
 */
export function round(e: Emitter, x: string): string {
  const f = e.let(`Math.floor(${x})`);
  const d = e.let(`${x} - ${f}`);
  const odd = e.let(`${f} - 2.0 * Math.floor(${f} * 0.5)`);
  const r = e.let(`${d} > 0.5 ? ${f} + 1.0 : (${d} == 0.5 ? ${f} + ${odd} : ${f})`);
  // -|r|, not 0.0 * x: compilers may fold a product with 0.0 to +0.
  return e.let(`(${r} == 0.0 && ${x} < 0.0) ? -Math.abs(${r}) : ${r}`);
}

/** 1 where x is NaN. */
export function isNaN(_e: Emitter, x: string): string {
  return `(${notNaN(x)} ? 0.0 : 1.0)`;
}

/** 1 where x is finite. */
export function isFinite(_e: Emitter, x: string): string {
  return `(Math.abs(${x}) < ${INF} ? 1.0 : 0.0)`;
}

/** max / min with NaN if either input is NaN. */
export function maximum(e: Emitter, a: string, b: string): string {
  return e.let(`(${notNaN(a)} && ${notNaN(b)}) ? (${a} > ${b} ? ${a} : ${b}) : ${NAN}`);
}

export function minimum(e: Emitter, a: string, b: string): string {
  return e.let(`(${notNaN(a)} && ${notNaN(b)}) ? (${a} < ${b} ? ${a} : ${b}) : ${NAN}`);
}

/**
 * Floor modulo (sign of b), exact like fmod: the remainder of |a| by |b| is found by subtracting
 * |b|·2^k for falling k (each subtraction exact, as t ≤ x < 2t), so it does not lose the ulps of
 * a that a - b·floor(a/b) does (-27.668 mod -4.67e-6 is -4.15e-6, not 0). It then takes b's
 * sign as fmod-based floor modulo does (CPU, Python, PyTorch): + b, one rounding, where the signs
 * differ. An infinite b leaves a finite a alone, or gives b when the signs differ, as Python
 * does; a NaN, an infinite a or a zero b gives NaN. At most ~254 steps (the exponent gap).
 */
export function floorMod(e: Emitter, a: string, b: string): string {
  const x = e.let(`Math.abs(${a})`);
  const y = e.let(`Math.abs(${b})`);
  const ok = e.let(`(${x} < ${INF} && ${y} > 0.0 && ${y} < ${INF}) ? 1.0 : 0.0`);
  const t = e.let('0.0');
  const k = e.let('0.0');
  const i = e.fresh();
  e.line(`for (let ${i} = 0; ${i} < 260; ${i}++) {`);
  e.line(`if (${ok} > 0.5 && ${x} >= ${y}) {`);
  // t = y·2^k ≤ x < 2t: k from log2 (possibly one off, fixed below), 2^k in two exact halves.
  e.line(`${k} = Math.max(0.0, Math.floor(Math.log2(${x}) - Math.log2(${y})));`);
  e.line(
    `${t} = ${y} * Math.pow(2.0, Math.floor(${k} * 0.5)) * Math.pow(2.0, ${k} - Math.floor(${k} * 0.5));`,
  );
  e.line(`if (${t} > ${x}) { ${t} = ${t} * 0.5; }`);
  e.line(`if (${t} <= ${x} - ${t}) { ${t} = ${t} * 2.0; }`);
  e.line(`${x} = ${x} - ${t};`);
  e.line('}');
  e.line('}');
  const r = e.let(`${a} < 0.0 ? -${x} : ${x}`);
  e.line(`if (${r} != 0.0 && (${r} < 0.0 ? 1.0 : 0.0) != (${b} < 0.0 ? 1.0 : 0.0)) { ${r} = ${r} + ${b}; }`);
  const finiteA = `Math.abs(${a}) < ${INF}`;
  const sameSign = `(${a} == 0.0 || (${a} < 0.0 ? 1.0 : 0.0) == (${b} < 0.0 ? 1.0 : 0.0))`;
  return e.let(
    `(${notNaN(a)} && ${notNaN(b)}) ? ((Math.abs(${b}) == ${INF} && ${finiteA}) ? (${sameSign} ? ${a} : ${b}) : (${ok} > 0.5 ? ${r} : ${NAN})) : ${NAN}`,
  );
}

/**
 * IEEE pow: x^0 = 1 and 1^y = 1 even for NaN; a negative base needs an integer exponent (the
 * sign from its parity); zero and infinite bases and exponents by their limits (C99 Annex F).
 * Integer exponents up to 64 are exact products (binary powering), like `x ** 2` on the CPU;
 * other exponents use the built-in pow of |x|.
 */
export function pow(e: Emitter, a: string, b: string): string {
  const ab = e.let(`Math.abs(${a})`);
  const isInt = e.let(`Math.floor(${b}) == ${b} ? 1.0 : 0.0`);
  const odd = e.let(`(${isInt} > 0.5 && ${b} - 2.0 * Math.floor(${b} * 0.5) == 1.0) ? 1.0 : 0.0`);
  const negZero = e.let(`(${a} == 0.0 && 1.0 / ${a} < 0.0) ? 1.0 : 0.0`);
  const n = e.let(`Math.abs(${b})`);
  const acc = e.let('1.0');
  const sq = e.let(ab);
  const k = e.fresh();
  e.line(`for (let ${k} = 0; ${k} < 7; ${k}++) {`);
  e.line(`if (${n} - 2.0 * Math.floor(${n} * 0.5) == 1.0) { ${acc} = ${acc} * ${sq}; }`);
  e.line(`${sq} = ${sq} * ${sq};`);
  e.line(`${n} = Math.floor(${n} * 0.5);`);
  e.line('}');
  const byProducts = e.let(`${b} < 0.0 ? 1.0 / ${acc} : ${acc}`);
  const v = e.let(`(${isInt} > 0.5 && Math.abs(${b}) <= 64.0) ? ${byProducts} : Math.pow(${ab}, ${b})`);
  const below = e.let(`${ab} < 1.0 ? 1.0 : 0.0`);
  const up = e.let(`${b} > 0.0 ? 1.0 : 0.0`);
  const nanIn = e.let(`(${notNaN(a)} && ${notNaN(b)}) ? 0.0 : 1.0`);
  const r = e.let('0.0');
  e.line(`if (${b} == 0.0 || ${a} == 1.0) { ${r} = 1.0; }`);
  e.line(`else if (${nanIn} > 0.5) { ${r} = ${NAN}; }`);
  e.line(
    `else if (Math.abs(${b}) == ${INF}) { ${r} = ${ab} == 1.0 ? 1.0 : (${below} == ${up} ? 0.0 : ${INF}); }`,
  );
  e.line(
    `else if (${ab} == ${INF}) { ${r} = ${b} > 0.0 ? ${INF} : 0.0; if (${a} < 0.0 && ${odd} > 0.5) { ${r} = -${r}; } }`,
  );
  e.line(
    `else if (${a} == 0.0) { ${r} = ${b} > 0.0 ? 0.0 : ${INF}; if (${negZero} > 0.5 && ${odd} > 0.5) { ${r} = -${r}; } }`,
  );
  e.line(`else if (${a} < 0.0 && ${isInt} < 0.5) { ${r} = ${NAN}; }`);
  e.line(`else { ${r} = ${v}; if (${a} < 0.0 && ${odd} > 0.5) { ${r} = -${r}; } }`);
  return r;
}

// W. J. Cody's rational approximations of erf/erfc (as in the CPU backend), evaluated in float32:
// about 1e-7 relative, far inside the TRANSCENDENTAL tolerance.
const A = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const C = [
  0.5641884969886701, 8.883149794388375, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037493,
];
const P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.01608378514874228, 0.0006587491615298378,
  0.016315387137302097,
];
const Q = [
  2.568520192289822, 1.8729528499234673, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918,
];

/** The error function; ±1 beyond |x| = 6 and for ±Infinity, NaN stays NaN. */
export function erf(e: Emitter, x: string): string {
  const y = e.let(`Math.abs(${x})`);
  const z = e.let(`${y} * ${y}`);
  // |x| ≤ 0.46875: x · R(x²).
  let num = `${A[4]} * ${z}`;
  let den = z;
  for (let i = 0; i < 3; i++) {
    num = `(${num} + ${A[i]}) * ${z}`;
    den = `(${den} + ${B[i]}) * ${z}`;
  }
  const small = e.let(`${x} * (${num} + ${A[3]}) / (${den} + ${B[3]})`);
  // 0.46875 < |x| ≤ 4: erfc = e^{-x²} · R(|x|).
  let cn = `${C[8]} * ${y}`;
  let cd = y;
  for (let i = 0; i < 7; i++) {
    cn = `(${cn} + ${C[i]}) * ${y}`;
    cd = `(${cd} + ${D[i]}) * ${y}`;
  }
  const mid = e.let(`(${cn} + ${C[7]}) / (${cd} + ${D[7]})`);
  // 4 < |x| < 6: erfc = e^{-x²}/|x| · (1/√π - R(1/x²)/x²).
  const w = e.let(`1.0 / ${z}`);
  let pn = `${P[5]} * ${w}`;
  let pd = w;
  for (let i = 0; i < 4; i++) {
    pn = `(${pn} + ${P[i]}) * ${w}`;
    pd = `(${pd} + ${Q[i]}) * ${w}`;
  }
  const far = e.let(`(0.5641895835477563 - ${w} * (${pn} + ${P[4]}) / (${pd} + ${Q[4]})) / ${y}`);
  const erfc = e.let(`Math.exp(-${z}) * (${y} <= 4.0 ? ${mid} : ${far})`);
  const big = e.let(`${x} < 0.0 ? -1.0 : 1.0`);
  const outer = e.let(`${y} >= 6.0 ? ${big} : ${big} * (1.0 - ${erfc})`);
  return e.let(`${notNaN(x)} ? (${y} <= 0.46875 ? ${small} : ${outer}) : ${x}`);
}

/**
 * sin / cos with their own argument reduction (Cephes sinf/cosf): the built-ins reduce large
 * arguments with too few bits of π (SwiftShader: 1.5e-4 absolute error at |x| ≈ 10). x is
 * reduced by multiples of π/4 with π/4 split into three parts whose products with the multiple
 * are exact, then a minimax polynomial on [-π/4, π/4]. Accurate to ~1e-7 for |x| < 8192;
 * ±Infinity and NaN give NaN.
 */
export function sinCos(e: Emitter, x: string, which: 'sin' | 'cos'): string {
  const ax = e.let(`Math.abs(${x})`);
  const j0 = e.let(`Math.floor(${ax} * 1.2732395447351628)`);
  const j = e.let(`${j0} + (${j0} - 2.0 * Math.floor(${j0} * 0.5))`); // round up to even
  const z = e.let(
    `((${ax} - ${j} * 0.78515625) - ${j} * 0.00024187564849853515625) - ${j} * 3.77489497744594108e-8`,
  );
  const q = e.let(`${j} - 8.0 * Math.floor(${j} * 0.125)`); // j mod 8, in {0, 2, 4, 6}
  const zz = e.let(`${z} * ${z}`);
  const s = e.let(
    `((-0.00019515295891 * ${zz} + 0.0083321608736) * ${zz} - 0.16666654611) * ${zz} * ${z} + ${z}`,
  );
  const c = e.let(
    `((0.00002443315711809948 * ${zz} - 0.001388731625493765) * ${zz} + 0.04166664568298827) * ${zz} * ${zz} - 0.5 * ${zz} + 1.0`,
  );
  if (which === 'sin') {
    // sin(x) by octant pair q/2 of |x|: s, c, -s, -c; odd in x.
    const v = e.let(`${q} == 0.0 ? ${s} : (${q} == 2.0 ? ${c} : (${q} == 4.0 ? -${s} : -${c}))`);
    return e.let(`${x} < 0.0 ? -${v} : ${v}`);
  }
  // cos(x): c, -s, -c, s; even in x.
  return e.let(`${q} == 0.0 ? ${c} : (${q} == 2.0 ? -${s} : (${q} == 4.0 ? -${c} : ${s}))`);
}
