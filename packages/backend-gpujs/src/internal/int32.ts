import type { Emitter } from './codegen';

/**
 * Exact int32 arithmetic in float shaders.
 *
 * Shaders here compute in float32, whose 24-bit significand holds integers exactly only up to
 * 2^24. An int32 element is therefore stored as two texels, `hi` (signed, -32768..32767) and
 * `lo` (0..65535), value = hi·65536 + lo, and computed on as such: every intermediate below stays
 * under 2^24 in magnitude, so each float operation is exact and results wrap like C (mod 2^32).
 */
export interface Limbs {
  readonly hi: string;
  readonly lo: string;
}

const INV16 = '0.0000152587890625'; // 2^-16, exact
const INV8 = '0.00390625'; // 2^-8, exact

/** x mod 65536 in [0, 65536) for an integer-valued x with |x| < 2^24. */
function mod16(e: Emitter, x: string): string {
  const v = e.let(x);
  return e.let(`${v} - 65536.0 * Math.floor(${v} * ${INV16})`);
}

/** x mod 256 in [0, 256). */
function mod8(e: Emitter, x: string): string {
  const v = e.let(x);
  return e.let(`${v} - 256.0 * Math.floor(${v} * ${INV8})`);
}

/**
 * Normalizes raw limbs (|hiRaw|, |loRaw| < 2^24) to hi in [-32768, 32767], lo in [0, 65535]:
 * carries lo into hi and wraps hi mod 2^16 (the int32 wrap-around).
 */
export function norm(e: Emitter, hiRaw: string, loRaw: string): Limbs {
  const l = e.let(loRaw);
  const c = e.let(`Math.floor(${l} * ${INV16})`);
  const lo = e.let(`${l} - ${c} * 65536.0`);
  const h = e.let(`(${hiRaw}) + ${c}`);
  const hi = e.let(`${h} - 65536.0 * Math.floor((${h} + 32768.0) * ${INV16})`);
  return { hi, lo };
}

export function add(e: Emitter, a: Limbs, b: Limbs): Limbs {
  return norm(e, `${a.hi} + ${b.hi}`, `${a.lo} + ${b.lo}`);
}

export function sub(e: Emitter, a: Limbs, b: Limbs): Limbs {
  return norm(e, `${a.hi} - ${b.hi}`, `${a.lo} - ${b.lo}`);
}

export function neg(e: Emitter, a: Limbs): Limbs {
  return norm(e, `-${a.hi}`, `-${a.lo}`);
}

/**
 * The low 32 bits of a·b. With lo split into bytes (a1·256 + a0), every partial product stays
 * below 2^23: lo·lo = a1b1·2^16 + (a1b0 + a0b1)·2^8 + a0b0, and of the cross terms hi·lo only
 * their value mod 2^16 matters (they are shifted up 16 bits).
 */
export function mul(e: Emitter, a: Limbs, b: Limbs): Limbs {
  const a1 = e.let(`Math.floor(${a.lo} * ${INV8})`);
  const a0 = e.let(`${a.lo} - ${a1} * 256.0`);
  const b1 = e.let(`Math.floor(${b.lo} * ${INV8})`);
  const b0 = e.let(`${b.lo} - ${b1} * 256.0`);
  const p1 = e.let(`${a1} * ${b0} + ${a0} * ${b1}`);
  const p1hi = e.let(`Math.floor(${p1} * ${INV8})`);
  const lo = e.let(`${a0} * ${b0} + (${p1} - ${p1hi} * 256.0) * 256.0`);
  // (hi · lo) mod 2^16 = ((hi·l1) mod 2^8)·2^8 + (hi·l0) mod 2^16.
  const x = e.let(`${mod8(e, `${a.hi} * ${b1}`)} * 256.0 + ${mod16(e, `${a.hi} * ${b0}`)}`);
  const y = e.let(`${mod8(e, `${b.hi} * ${a1}`)} * 256.0 + ${mod16(e, `${b.hi} * ${a0}`)}`);
  return norm(e, `${p1hi} + ${a1} * ${b1} + ${x} + ${y}`, lo);
}

/** a < b as a boolean expression. */
export function less(a: Limbs, b: Limbs): string {
  return `(${a.hi} < ${b.hi} || (${a.hi} == ${b.hi} && ${a.lo} < ${b.lo}))`;
}

/** a == b as a boolean expression. */
export function equal(a: Limbs, b: Limbs): string {
  return `(${a.hi} == ${b.hi} && ${a.lo} == ${b.lo})`;
}

/** The nearest float32 (one rounding of the exact hi·65536 + lo, as the CPU's conversion). */
export function toFloat(a: Limbs): string {
  return `(${a.hi} * 65536.0 + ${a.lo})`;
}

/** Picks `a` where `cond` holds, else `b`. */
export function select(e: Emitter, cond: string, a: Limbs, b: Limbs): Limbs {
  const c = e.let(`${cond} ? 1.0 : 0.0`);
  return { hi: e.let(`${c} > 0.5 ? ${a.hi} : ${b.hi}`), lo: e.let(`${c} > 0.5 ? ${a.lo} : ${b.lo}`) };
}

export function abs(e: Emitter, a: Limbs): Limbs {
  return select(e, `${a.hi} < 0.0`, neg(e, a), a);
}

export function sign(e: Emitter, a: Limbs): Limbs {
  const neg1 = `${a.hi} < 0.0`;
  const zero = `(${a.hi} == 0.0 && ${a.lo} == 0.0)`;
  return { hi: e.let(`${neg1} ? -1.0 : 0.0`), lo: e.let(`${neg1} ? 65535.0 : (${zero} ? 0.0 : 1.0)`) };
}

/**
 * float32 → int32 like the CPU backend: truncates toward zero, saturates out of range, NaN → 0.
 * An integer-valued float below 2^31 splits exactly: scaling by 2^-16 and flooring are exact.
 */
export function fromFloat(e: Emitter, x: string): Limbs {
  const v = e.let(x);
  const t = e.let(`${v} == ${v} ? Math.trunc(${v}) : 0.0`);
  const hi = e.let(`Math.floor(${t} * ${INV16})`);
  const lo = e.let(`${t} - ${hi} * 65536.0`);
  const big = `${t} >= 2147483648.0`;
  const small = `${t} < -2147483648.0`;
  return {
    hi: e.let(`${big} ? 32767.0 : (${small} ? -32768.0 : ${hi})`),
    lo: e.let(`${big} ? 65535.0 : (${small} ? 0.0 : ${lo})`),
  };
}

/** A constant as limbs (literals). */
export function constant(v: number): Limbs {
  const i = v | 0;
  return { hi: `${i >> 16}.0`, lo: `${i & 0xffff}.0` };
}

/**
 * Floor modulo (sign of b, like Python), x mod 0 = 0: binary long division of |a| by |b| on
 * unsigned limbs (32 shift-subtract steps, every value below 2^17 per limb), then the sign fix.
 */
export function floorMod(e: Emitter, a: Limbs, b: Limbs): Limbs {
  const ua = abs(e, a);
  const ub = abs(e, b);
  // |INT_MIN| wraps to INT_MIN: read hi as unsigned (2^31 has hi 32768).
  const ah = e.let(`${ua.hi} < 0.0 ? ${ua.hi} + 65536.0 : ${ua.hi}`);
  const bh = e.let(`${ub.hi} < 0.0 ? ${ub.hi} + 65536.0 : ${ub.hi}`);
  const rh = e.let('0.0');
  const rl = e.let('0.0');
  for (const word of [ah, ua.lo]) {
    const bit = e.let('32768.0');
    const k = e.fresh();
    e.line(`for (let ${k} = 0; ${k} < 16; ${k}++) {`);
    // next bit of the dividend: floor(word / bit) mod 2
    const q = e.let(`Math.floor(${word} / ${bit})`);
    const d = e.let(`${q} - 2.0 * Math.floor(${q} * 0.5)`);
    const carry = e.let(`Math.floor(${rl} * 0.000030517578125)`);
    e.line(`${rh} = ${rh} * 2.0 + ${carry};`);
    e.line(`${rl} = ${rl} * 2.0 - ${carry} * 65536.0 + ${d};`);
    e.line(`if (${rh} > ${bh} || (${rh} == ${bh} && ${rl} >= ${ub.lo})) {`);
    e.line(`${rh} = ${rh} - ${bh}; ${rl} = ${rl} - ${ub.lo};`);
    e.line(`if (${rl} < 0.0) { ${rl} = ${rl} + 65536.0; ${rh} = ${rh} - 1.0; }`);
    e.line('}');
    e.line(`${bit} = ${bit} * 0.5;`);
    e.line('}');
  }
  // r < |b| ≤ 2^31, so (rh, rl) is already a valid signed pair; truncated remainder has a's sign.
  const r = { hi: rh, lo: rl };
  const t = select(e, `${a.hi} < 0.0`, neg(e, r), r);
  const nonzero = e.let(`(${t.hi} == 0.0 && ${t.lo} == 0.0) ? 0.0 : 1.0`);
  const signs = e.let(`(${a.hi} < 0.0 ? 1.0 : 0.0) + (${b.hi} < 0.0 ? 1.0 : 0.0)`);
  const fixed = select(e, `${nonzero} > 0.5 && ${signs} == 1.0`, add(e, t, b), t);
  const zero = `(${b.hi} == 0.0 && ${b.lo} == 0.0)`;
  return select(e, zero, constant(0), fixed);
}

/** A non-negative integer-valued float below 2^24 (an index, a count) as limbs. */
export function fromIndex(e: Emitter, x: string): Limbs {
  const v = e.let(x);
  const hi = e.let(`Math.floor(${v} * ${INV16})`);
  return { hi, lo: e.let(`${v} - ${hi} * 65536.0`) };
}
