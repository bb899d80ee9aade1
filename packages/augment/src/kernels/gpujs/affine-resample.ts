import { gpujsKernel } from '@descent/backend-gpujs';
import type { AffineResampleAttrs } from '../../ops/affine-resample';
import { Body, lit, sampleCoordinates } from './codegen';

/**
 * gpu.js kernel of `affineResample`: one thread per output element computes its input
 * coordinates from the sample's matrix (float32) and reads 1 or 4 taps through the fill mode;
 * taps of weight 0 are skipped, so integer coordinates copy exactly. `fillValue` is a uniform.
 */
export const affineResampleGpujsKernel = gpujsKernel<AffineResampleAttrs>(
  'affineResample',
  ({ inputs: [images, matrices], attrs, backend, out }) => {
    const [, h, w, c] = images!.shape as [number, number, number, number];
    if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
    const e = new Body();
    const [b, i, j, ch] = e.unravel('o', out.shape);
    if (h === 0 || w === 0) {
      e.line(attrs.fillMode === 'constant' ? 'return s0;' : 'return nan;');
      return backend.run({ body: e.toString(), scalars: [attrs.fillValue] }, out.shape, out.dtype);
    }
    const { u, v } = sampleCoordinates(e, 'x1', b!, i!, j!);
    e.line(`if (!(Math.abs(${u}) < inf && Math.abs(${v}) < inf)) { return nan; }`);
    const pixelAt = (row: string, col: string) =>
      `((${b} * ${lit(h)} + ${row}) * ${lit(w)} + ${col}) * ${lit(c)} + ${ch}`;
    if (attrs.interpolation === 'nearest') {
      const col = e.mapCoordinate(e.let(`Math.floor(${u} + 0.5)`), w, attrs.fillMode);
      const row = e.mapCoordinate(e.let(`Math.floor(${v} + 0.5)`), h, attrs.fillMode);
      const value = e.let(e.read('x0', pixelAt(row.index, col.index)));
      e.line(`return (${col.inside} * ${row.inside} > 0.5) ? ${value} : s0;`);
    } else {
      const u0 = e.let(`Math.floor(${u})`);
      const v0 = e.let(`Math.floor(${v})`);
      const fu = e.let(`${u} - ${u0}`);
      const fv = e.let(`${v} - ${v0}`);
      const cols = [
        e.mapCoordinate(u0, w, attrs.fillMode),
        e.mapCoordinate(`(${u0} + 1.0)`, w, attrs.fillMode),
      ];
      const rows = [
        e.mapCoordinate(v0, h, attrs.fillMode),
        e.mapCoordinate(`(${v0} + 1.0)`, h, attrs.fillMode),
      ];
      const acc = e.let('0.0');
      for (const [dr, dc] of [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ] as const) {
        const weight = e.let(`${dc ? fu : `(1.0 - ${fu})`} * ${dr ? fv : `(1.0 - ${fv})`}`);
        const [row, col] = [rows[dr]!, cols[dc]!];
        e.line(`if (${weight} != 0.0) {`);
        const value = e.let(e.read('x0', pixelAt(row.index, col.index)));
        e.line(`${acc} = ${acc} + ${weight} * ((${col.inside} * ${row.inside} > 0.5) ? ${value} : s0);`);
        e.line('}');
      }
      e.line(`return ${acc};`);
    }
    return backend.run(
      { body: e.toString(), inputs: [images!, matrices!], scalars: [attrs.fillValue] },
      out.shape,
      out.dtype,
    );
  },
);
