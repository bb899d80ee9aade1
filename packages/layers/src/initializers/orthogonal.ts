import {
  checkOptions,
  concat,
  div,
  fmtShape,
  InvalidArgumentError,
  matmul,
  mul,
  type Runtime,
  randomNormal,
  reshape,
  type Shape,
  slice,
  sqrt,
  square,
  sub,
  sum,
  type Tensor,
  transpose,
} from '@descent/core';
import { num } from '../internal/options';
import type { Initializer } from './initializer';

/**
 * A (semi-)orthogonal matrix times `gain`, as Keras: the weight is viewed as
 * `[prod(shape[:-1]), shape[-1]]`, a normal matrix of that shape (or its transpose, whichever is
 * tall) is orthonormalized, and its Q factor taken with the signs that make R's diagonal positive.
 * The orthonormalization is Gram–Schmidt, run twice per column, in tensor ops: it works on every
 * backend without reading data back.
 *
 * @example
 * new Dense({ units: 64, kernelInitializer: new Orthogonal({ gain: Math.SQRT2 }) });
 */
export class Orthogonal implements Initializer {
  readonly className = 'orthogonal';
  /** Multiplies the orthogonal matrix (default 1). */
  readonly gain: number;
  constructor(options: { gain?: number } = {}) {
    checkOptions('Orthogonal', options);
    this.gain = num('Orthogonal', 'gain', options.gain, 1);
  }
  getConfig() {
    return { gain: this.gain };
  }
  init(rt: Runtime, shape: Shape): Tensor {
    if (shape.length < 2)
      throw new InvalidArgumentError('Orthogonal', `needs a shape of rank >= 2, got ${fmtShape(shape)}`);
    const cols = shape[shape.length - 1]!;
    const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
    const [n, m] = rows < cols ? [cols, rows] : [rows, cols];
    return rt.tidy(() => {
      const a = randomNormal(rt, [n, m]);
      let q: Tensor | undefined;
      for (let j = 0; j < m; j++) {
        let v = slice(a, [0, j], [n, 1]);
        // Two passes of classical Gram–Schmidt are as accurate as Householder in float32.
        for (let pass = 0; q && pass < 2; pass++) v = sub(v, matmul(q, matmul(q, v, { transposeA: true })));
        v = div(v, sqrt(sum(square(v))));
        q = q ? concat([q, v], 1) : v;
      }
      const out = mul(q!, this.gain);
      return reshape(rows < cols ? transpose(out) : out, shape);
    });
  }
}
