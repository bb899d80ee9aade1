/**
 * Runs a generated kernel body as plain JavaScript for output position `o` (doubles, not
 * float32). With `exact`, every value the body computes (exactly, in doubles) must be a
 * float32: then float32 arithmetic, correctly rounded, computes the same values with no
 * rounding at all, which is what the int32 emulation claims.
 */
export function runBody(
  body: string,
  vars: Record<string, number | Float32Array>,
  o = 0,
  options: { exact?: boolean } = {},
): number {
  let code = body;
  if (options.exact) {
    code = code
      .replace(/let (v\d+) = (.*);$/gm, 'let $1 = __chk($2);')
      .replace(/(^|[{;]\s*)(v\d+) = ([^;]*);/gm, '$1$2 = __chk($3);');
  }
  const names = Object.keys(vars);
  const fn = new Function('__chk', 'inf', 'nan', 'o', ...names, code) as (...a: unknown[]) => number;
  const chk = (v: number) => {
    if (typeof v === 'number' && Math.fround(v) !== v) {
      throw new Error(`intermediate ${v} is not a float32: float32 arithmetic would round it`);
    }
    return v;
  };
  return fn(chk, Infinity, Number.NaN, o, ...names.map((n) => vars[n]));
}
