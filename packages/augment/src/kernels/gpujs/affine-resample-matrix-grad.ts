import { gpujsKernel } from '@descent/backend-gpujs';
import type { AffineResampleAttrs } from '../../ops/affine-resample';
import { Body, lit, sampleCoordinates } from './codegen';

/**
 * gpu.js kernel of `affineResampleMatrixGrad`: one thread per matrix entry (b, row, k) loops
 * over its sample's output pixels and channels, summing dy times the bilinear sample's slope
 * along u (row 0) or v (row 1), times x, y or 1 (k = 0, 1, 2). Zero for nearest sampling.
 */
export const affineResampleMatrixGradGpujsKernel = gpujsKernel<AffineResampleAttrs>(
  'affineResampleMatrixGrad',
  ({ inputs: [images, matrices, dy], attrs, backend, out }) => {
    const [, h, w, c] = images!.shape as [number, number, number, number];
    const [oh, ow] = attrs.outputShape;
    if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
    if (attrs.interpolation === 'nearest' || oh * ow * c === 0 || h * w === 0)
      return backend.run({ body: 'return 0.0;' }, out.shape, out.dtype);
    const e = new Body();
    const [b, axis, k] = e.unravel('o', [out.shape[0]!, 2, 3]);
    const acc = e.let('0.0');
    const q = e.fresh();
    e.line(`for (let ${q} = 0; ${q} < ${oh * ow}; ${q}++) {`);
    const [i, j] = e.divMod(e.let(`${q} * 1.0`), ow);
    const { u, v } = sampleCoordinates(e, 'x1', b!, i, j);
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
    const slope = e.let('0.0');
    const ch = e.fresh();
    e.line(`for (let ${ch} = 0; ${ch} < ${c}; ${ch}++) {`);
    const tap = (dr: 0 | 1, dc: 0 | 1) => {
      const [row, col] = [rows[dr]!, cols[dc]!];
      const value = e.let(
        e.read('x0', `((${b} * ${lit(h)} + ${row.index}) * ${lit(w)} + ${col.index}) * ${lit(c)} + ${ch}`),
      );
      return e.let(`(${col.inside} * ${row.inside} > 0.5) ? ${value} : s0`);
    };
    const [t00, t01, t10, t11] = [tap(0, 0), tap(0, 1), tap(1, 0), tap(1, 1)];
    const du = `(1.0 - ${fv}) * (${t01} - ${t00}) + ${fv} * (${t11} - ${t10})`;
    const dv = `(1.0 - ${fu}) * (${t10} - ${t00}) + ${fu} * (${t11} - ${t01})`;
    const g = e.let(e.read('x2', `((${b} * ${lit(oh)} + ${i}) * ${lit(ow)} + ${j}) * ${lit(c)} + ${ch}`));
    e.line(`${slope} = ${slope} + ${g} * (${axis} < 0.5 ? ${du} : ${dv});`);
    e.line('}');
    e.line(`${acc} = ${acc} + ${slope} * (${k} < 0.5 ? ${j} : (${k} < 1.5 ? ${i} : 1.0));`);
    e.line('}');
    e.line(`return ${acc};`);
    return backend.run(
      { body: e.toString(), inputs: [images!, matrices!, dy!], scalars: [attrs.fillValue] },
      out.shape,
      out.dtype,
    );
  },
);
