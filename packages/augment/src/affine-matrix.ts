import { describeValue, InvalidArgumentError } from '@descent/core';

/** The parts of a geometric transform about the image centre, applied in this order: shear, rotation, scale, translation. */
export interface AffineParams {
  /** Degrees, counter-clockwise as the image is displayed (torchvision's `rotate`, Keras). */
  rotation?: number;
  /** > 1 magnifies; `[sx, sy]` scales the axes separately (applied after rotation and shear). */
  scale?: number | readonly [number, number];
  /** Shear angles in degrees `[x, y]`, as torchvision's `affine`. */
  shear?: readonly [number, number];
  /** Pixels `[tx, ty]`; positive moves the content right and down. */
  translate?: readonly [number, number];
}

/** cos and sin of an angle in degrees, exact at multiples of 90° (so quarter turns copy pixels). */
function cosSin(degrees: number): [number, number] {
  const quarter = degrees / 90;
  if (Number.isInteger(quarter)) {
    const k = ((quarter % 4) + 4) % 4;
    return [
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
    ][k] as [number, number];
  }
  const r = (degrees * Math.PI) / 180;
  return [Math.cos(r), Math.sin(r)];
}

/**
 * The 2×3 matrix `affineResample` takes (output pixel → input pixel) for a transform about the
 * image centre `((w - 1) / 2, (h - 1) / 2)`. The forward map (input → output) is
 * `q = c_out + t + S · R · Sh · (p - c_in)`, so the result is its inverse; with a uniform scale
 * it is exactly torchvision's `F.affine(img, angle=-rotation, translate, scale, shear)` and
 * `F.rotate(img, rotation)` expressed in pixel coordinates. `outputSize` (default `inputSize`)
 * centres a differently sized output, as torchvision does.
 *
 * @example
 * affineMatrix({ rotation: 90 }, [28, 28]); // [0, -1, 27, 1, 0, 0]: a quarter turn to the left
 */
export function affineMatrix(
  params: AffineParams,
  inputSize: readonly [number, number],
  outputSize: readonly [number, number] = inputSize,
): number[] {
  checkParams(params);
  checkSize('inputSize', inputSize);
  checkSize('outputSize', outputSize);
  const { rotation = 0, shear = [0, 0], translate = [0, 0] } = params;
  const [sx, sy] = typeof params.scale === 'number' ? [params.scale, params.scale] : (params.scale ?? [1, 1]);
  // torchvision's rotation-shear matrix RSS(a, sx, sy) with a = -rotation (its angles are clockwise).
  const [cosA, sinA] = cosSin(-rotation);
  const [shx, shy] = [(shear[0] * Math.PI) / 180, (shear[1] * Math.PI) / 180];
  const cosSy = Math.cos(shy);
  const tanSx = Math.tan(shx);
  // cos(a - sy) and sin(a - sy), exact when sy = 0.
  const cosAmSy = shy === 0 ? cosA : Math.cos((-rotation * Math.PI) / 180 - shy);
  const sinAmSy = shy === 0 ? sinA : Math.sin((-rotation * Math.PI) / 180 - shy);
  const a = cosAmSy / cosSy;
  const b = (-cosAmSy * tanSx) / cosSy - sinA;
  const c = sinAmSy / cosSy;
  const d = (-sinAmSy * tanSx) / cosSy + cosA;
  // Forward linear part L = diag(sx, sy) · [[a, b], [c, d]].
  const [l00, l01, l10, l11] = [sx * a, sx * b, sy * c, sy * d];
  const det = l00 * l11 - l01 * l10;
  if (!Number.isFinite(det) || det === 0)
    throw new InvalidArgumentError(
      'affineMatrix',
      `the transform is not invertible: ${JSON.stringify(params)}`,
    );
  const [i00, i01, i10, i11] = [l11 / det, -l01 / det, -l10 / det, l00 / det];
  const [h, w] = inputSize;
  const [oh, ow] = outputSize;
  const cin = [(w - 1) / 2, (h - 1) / 2] as const;
  // p = c_in + L⁻¹ (q - c_out - t)
  const qx = (ow - 1) / 2 + translate[0];
  const qy = (oh - 1) / 2 + translate[1];
  return [i00, i01, cin[0] - i00 * qx - i01 * qy, i10, i11, cin[1] - i10 * qx - i11 * qy];
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPair = (v: unknown): boolean => Array.isArray(v) && v.length === 2 && v.every(isNum);

function checkParams(params: AffineParams): void {
  if (params === null || typeof params !== 'object' || Array.isArray(params))
    throw new InvalidArgumentError(
      'affineMatrix',
      `expected params { rotation, scale, shear, translate }, got ${describeValue(params)}`,
    );
  const { rotation, scale, shear, translate } = params;
  const bad = (what: string, expected: string, v: unknown): never => {
    throw new InvalidArgumentError(
      'affineMatrix',
      `expected ${what} to be ${expected}, got ${describeValue(v)}`,
    );
  };
  if (rotation !== undefined && !isNum(rotation)) bad('rotation', 'a finite number of degrees', rotation);
  if (scale !== undefined && !isNum(scale) && !isPair(scale))
    bad('scale', 'a number or a pair [sx, sy]', scale);
  if (shear !== undefined && !isPair(shear)) bad('shear', 'a pair of degrees [x, y]', shear);
  if (translate !== undefined && !isPair(translate)) bad('translate', 'a pair of pixels [tx, ty]', translate);
}

function checkSize(what: string, size: unknown): void {
  if (!(Array.isArray(size) && size.length === 2 && size.every((d) => Number.isInteger(d) && d >= 1)))
    throw new InvalidArgumentError(
      'affineMatrix',
      `expected ${what} to be [height, width] of positive integers, got ${describeValue(size)}`,
    );
}
