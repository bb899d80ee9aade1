/** Round half to even (banker's rounding), like NumPy and PyTorch. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x); // halves go up
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Floor modulo: the result has the sign of b, like Python's % (x % 0 is NaN). */
export function floorMod(a: number, b: number): number {
  const r = a % b;
  if (r === 0) return b < 0 ? -0 : 0;
  return r < 0 !== b < 0 ? r + b : r;
}

/** Floor modulo of int32s; x mod 0 is 0, as NumPy gives (integers have no NaN). */
export function intFloorMod(a: number, b: number): number {
  if (b === 0) return 0;
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

/** IEEE 754 pow: unlike JS `**`, 1^y = 1 and (-1)^±Infinity = 1 even for NaN y. */
export function ieeePow(a: number, b: number): number {
  if (a === 1) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  return a ** b;
}

/** Whether `e` replaces `best` as a running maximum: it is greater, or NaN over a number (NaN is maximal, first wins). */
export function beats(e: number, best: number): boolean {
  return e > best || (Number.isNaN(e) && !Number.isNaN(best));
}
