import { philoxUniform, type Runtime } from '@descent/core';

/**
 * `n` uniforms in [0, 1) from the runtime's Philox stream, computed here rather than on the
 * device: per-sample parameters are a handful of numbers, and drawing them on the host needs
 * no read-back from a GPU. They are exactly the values `randomUniform(rt, [n])` would hold, and
 * advance the stream the same way, so every backend sees the same parameters.
 */
export function uniforms(rt: Runtime, n: number): Float64Array {
  const { key, counter } = rt.drawRandom(n);
  return philoxUniform(key, counter, new Float64Array(n));
}

/** A host-side stream for samplers that need an unknown count of uniforms (rejection). */
export class HostRandom {
  private buf: Float64Array = new Float64Array(0);
  private at = 0;
  constructor(private readonly rt: Runtime) {}

  uniform(): number {
    if (this.at >= this.buf.length) {
      this.buf = uniforms(this.rt, 64);
      this.at = 0;
    }
    return this.buf[this.at++]!;
  }

  /** Standard normal (Box–Muller; 1 - u is in (0, 1], so the log is finite). */
  normal(): number {
    const r = Math.sqrt(-2 * Math.log(1 - this.uniform()));
    return r * Math.cos(2 * Math.PI * this.uniform());
  }

  /** Gamma(shape, 1) by Marsaglia–Tsang; shape < 1 boosted by U^(1/shape). */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * (1 - this.uniform()) ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const t = 1 + c * x;
      if (t <= 0) continue;
      const v = t * t * t;
      const u = 1 - this.uniform();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  }

  /** Beta(a, b) as Ga / (Ga + Gb). */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    const y = this.gamma(b);
    return x + y > 0 ? x / (x + y) : 0.5;
  }

  /** An integer in [0, k) (k ≥ 1). */
  int(k: number): number {
    return Math.min(k - 1, Math.floor(this.uniform() * k));
  }
}
