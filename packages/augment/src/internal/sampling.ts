import type { AffineResampleAttrs, FillMode } from '../ops/affine-resample';

/**
 * Where integer coordinate `i` reads on an axis of length `len` under a fill mode: an index in
 * [0, len), or -1 for `constant` fill outside (read `fillValue`).
 */
export function mapCoordinate(i: number, len: number, mode: FillMode): number {
  if (i >= 0 && i < len) return i;
  if (mode === 'constant' || len === 0) return -1;
  if (mode === 'nearest') return i < 0 ? 0 : len - 1;
  if (mode === 'wrap') return ((i % len) + len) % len;
  // reflect: period 2·len, mirrored about the edges (-1 → 0, len → len - 1).
  const period = 2 * len;
  const m = ((i % period) + period) % period;
  return m < len ? m : period - 1 - m;
}

/** Rounds to the nearest integer, ties to even (Python's `round`, used by torchvision's crops). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * The pixel nearest sampling reads: `floor(x + 0.5)`, ties upward. This is PyTorch's
 * `nearest-exact` and TF's half-pixel nearest resize; PyTorch's `grid_sample` rounds ties to
 * even instead, which differs only at exact half-pixel coordinates.
 */
export function nearestIndex(x: number): number {
  return Math.floor(x + 0.5);
}

/**
 * The taps of one sample point: for bilinear, the 4 pixels around `(u, v)` in the order
 * (u0, v0), (u0 + 1, v0), (u0, v0 + 1), (u0 + 1, v0 + 1) with their weights; for nearest, one.
 * `pixel[k]` is the row-major pixel index `row · w + col` in the input, or -1 for fill.
 */
export class Taps {
  readonly pixel = new Int32Array(4);
  readonly weight = new Float64Array(4);
  count = 0;
  /** Fractional parts of the point (bilinear), for the matrix gradient. */
  fu = 0;
  fv = 0;

  constructor(
    private readonly h: number,
    private readonly w: number,
    private readonly attrs: AffineResampleAttrs,
  ) {}

  /** Computes the taps of `(u, v)`; false when a coordinate is not finite (NaN output). */
  at(u: number, v: number): boolean {
    if (!Number.isFinite(u) || !Number.isFinite(v)) return false;
    const { h, w } = this;
    const mode = this.attrs.fillMode;
    if (this.attrs.interpolation === 'nearest') {
      const col = mapCoordinate(nearestIndex(u), w, mode);
      const row = mapCoordinate(nearestIndex(v), h, mode);
      this.pixel[0] = col < 0 || row < 0 ? -1 : row * w + col;
      this.weight[0] = 1;
      this.count = 1;
      return true;
    }
    const u0 = Math.floor(u);
    const v0 = Math.floor(v);
    const fu = u - u0;
    const fv = v - v0;
    const c0 = mapCoordinate(u0, w, mode);
    const c1 = mapCoordinate(u0 + 1, w, mode);
    const r0 = mapCoordinate(v0, h, mode);
    const r1 = mapCoordinate(v0 + 1, h, mode);
    const at = (r: number, c: number) => (r < 0 || c < 0 ? -1 : r * w + c);
    this.pixel[0] = at(r0, c0);
    this.pixel[1] = at(r0, c1);
    this.pixel[2] = at(r1, c0);
    this.pixel[3] = at(r1, c1);
    this.weight[0] = (1 - fu) * (1 - fv);
    this.weight[1] = fu * (1 - fv);
    this.weight[2] = (1 - fu) * fv;
    this.weight[3] = fu * fv;
    this.fu = fu;
    this.fv = fv;
    this.count = 4;
    return true;
  }
}
