// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23
// (1969), coefficients as in his CALERF (SPECFUN). Relative error below 1e-15 in float64, far
// beyond float32; Abramowitz–Stegun 7.1.26 (~1e-7 absolute) is not close enough near 0.

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
const ONE_OVER_SQRT_PI = 0.5641895835477563;

/** The error function in float64. */
export function erf64(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) {
    const z = y * y;
    let num = A[4]! * z;
    let den = z;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]!) * z;
      den = (den + B[i]!) * z;
    }
    return (x * (num + A[3]!)) / (den + B[3]!);
  }
  // erfc(y) = exp(-y²) · r(y) on the two outer ranges.
  let r: number;
  if (y <= 4) {
    let num = C[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    r = (num + C[7]!) / (den + D[7]!);
  } else if (y < 6) {
    const z = 1 / (y * y);
    let num = P[5]! * z;
    let den = z;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]!) * z;
      den = (den + Q[i]!) * z;
    }
    r = (ONE_OVER_SQRT_PI - (z * (num + P[4]!)) / (den + Q[4]!)) / y;
  } else {
    // erfc(6) ≈ 2e-17: erf is ±1 in float64; also keeps NaN out of the branches above.
    return Number.isNaN(y) ? x : Math.sign(x);
  }
  const e = 1 - Math.exp(-y * y) * r;
  return x < 0 ? -e : e;
}
