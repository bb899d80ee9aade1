import { f, mapKernel } from '../internal/elementwise';
import * as I from '../internal/int32';
import { float, int } from '../internal/values';

/** Picks `a` where `cond` is true and `b` elsewhere, broadcasting all three. */
export const whereKernel = mapKernel('where', (e, [c, a, b]) => {
  const cond = `${f(c!)} > 0.5`;
  if (a!.i && b!.i) return int(I.select(e, cond, a!.i, b!.i));
  return float(e.let(`${cond} ? ${f(a!)} : ${f(b!)}`));
});
