import type { FillMode } from '../../ops/affine-resample';

/**
 * A gpu.js kernel body under construction (the JS subset gpu.js translates), in the program
 * conventions of `@descent/backend-gpujs`: inputs `x0, x1, …` are flat float arrays, scalars
 * `s0, …`, the output element is `o`, and `inf` / `nan` are uniforms. Shapes are literals, so
 * each (shape, attrs) compiles once and is cached by the backend.
 */
export class Body {
  private readonly lines: string[] = [];
  private counter = 0;

  let(expr: string): string {
    const name = `a${this.counter++}`;
    this.lines.push(`let ${name} = ${expr};`);
    return name;
  }

  line(statement: string): void {
    this.lines.push(statement);
  }

  fresh(): string {
    return `q${this.counter++}`;
  }

  /**
   * `name[index]` with the index in a variable: gpu.js folds a constant index expression into
   * an int literal its texture lookup rejects.
   */
  read(name: string, index: string): string {
    return `${name}[${this.let(index)}]`;
  }

  /**
   * q = floor(i / n), r = i - q·n for an integer-valued float i ≥ 0: a float division can land
   * an ulp below an integer, so the remainder is checked and the quotient corrected.
   */
  divMod(i: string, n: number): [string, string] {
    if (n === 1) return [i, '0.0'];
    const q = this.let(`Math.floor((${i}) / ${lit(n)})`);
    const r = this.let(`(${i}) - ${q} * ${lit(n)}`);
    this.line(`if (${r} < 0.0) { ${q} = ${q} - 1.0; ${r} = ${r} + ${lit(n)}; }`);
    this.line(`if (${r} >= ${lit(n)}) { ${q} = ${q} + 1.0; ${r} = ${r} - ${lit(n)}; }`);
    return [q, r];
  }

  /** Row-major indices of flat index `flat` in `shape`. */
  unravel(flat: string, shape: readonly number[]): string[] {
    const idx = new Array<string>(shape.length);
    let rest = flat;
    for (let axis = shape.length - 1; axis > 0; axis--) {
      const [q, r] = this.divMod(rest, shape[axis]!);
      idx[axis] = r;
      rest = q;
    }
    idx[0] = rest;
    return idx;
  }

  /**
   * Where integer-valued coordinate `i` reads on an axis of length `len` under `mode`: an index
   * (always inside [0, len), safe to read) and a 1/0 flag that is 0 where constant fill applies.
   */
  mapCoordinate(i: string, len: number, mode: FillMode): { index: string; inside: string } {
    const last = lit(len - 1);
    const clamp = (v: string) => `Math.min(Math.max(${v}, 0.0), ${last})`;
    if (mode === 'constant')
      return { index: this.let(clamp(i)), inside: this.let(`(${i} >= 0.0 && ${i} <= ${last}) ? 1.0 : 0.0`) };
    if (mode === 'nearest') return { index: this.let(clamp(i)), inside: '1.0' };
    const period = mode === 'wrap' ? len : 2 * len;
    const m = this.let(`${i} - ${lit(period)} * Math.floor(${i} / ${lit(period)})`);
    this.line(`if (${m} < 0.0) { ${m} = ${m} + ${lit(period)}; }`);
    this.line(`if (${m} >= ${lit(period)}) { ${m} = ${m} - ${lit(period)}; }`);
    const folded = mode === 'wrap' ? m : `(${m} < ${lit(len)} ? ${m} : ${lit(2 * len - 1)} - ${m})`;
    return { index: this.let(clamp(folded)), inside: '1.0' };
  }

  toString(): string {
    return this.lines.join('\n');
  }
}

/** A float literal gpu.js types as a float (integers get a decimal point). */
export function lit(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`internal: ${v} has no shader literal`);
  const s = String(v);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

/** The six matrix entries of sample `b` from input `name`, and the input coordinates (u, v) of output pixel (i, j). */
export function sampleCoordinates(
  body: Body,
  name: string,
  b: string,
  i: string,
  j: string,
): { u: string; v: string } {
  const base = body.let(`${b} * 6.0`);
  const m = [0, 1, 2, 3, 4, 5].map((k) => body.let(body.read(name, `${base} + ${lit(k)}`)));
  return {
    u: body.let(`${m[0]} * ${j} + ${m[1]} * ${i} + ${m[2]}`),
    v: body.let(`${m[3]} * ${j} + ${m[4]} * ${i} + ${m[5]}`),
  };
}
