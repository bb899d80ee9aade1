import { gpujsKernel } from '@descent/backend-gpujs';
import type { AffineResampleImageGradAttrs } from '../../ops/affine-resample-image-grad';
import { Body, lit, sampleCoordinates } from './codegen';

/**
 * gpu.js kernel of `affineResampleImageGrad`. A GPU thread cannot scatter, so each input
 * element gathers instead: it loops over every output pixel of its sample and adds `dy` times
 * the weight of each tap that lands on it (through the fill mode, so wrap and reflect find all
 * their pre-images). Work per thread is the output's pixel count: fine for the small images
 * augmentation inside a model sees, quadratic in the image size.
 */
export const affineResampleImageGradGpujsKernel = gpujsKernel<AffineResampleImageGradAttrs>(
  'affineResampleImageGrad',
  ({ inputs: [dy, matrices], attrs, backend, out }) => {
    const [, oh, ow, c] = dy!.shape as [number, number, number, number];
    const [h, w] = attrs.inputShape;
    if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
    if (oh * ow === 0) return backend.run({ body: 'return 0.0;' }, out.shape, out.dtype);
    const e = new Body();
    const [b, r, col, ch] = e.unravel('o', out.shape);
    const acc = e.let('0.0');
    const q = e.fresh();
    e.line(`for (let ${q} = 0; ${q} < ${oh * ow}; ${q}++) {`);
    const [i, j] = e.divMod(e.let(`${q} * 1.0`), ow);
    const { u, v } = sampleCoordinates(e, 'x1', b!, i, j);
    e.line(`if (Math.abs(${u}) < inf && Math.abs(${v}) < inf) {`);
    const weight = e.let('0.0');
    const hits = (row: { index: string; inside: string }, cl: { index: string; inside: string }) =>
      `(${row.inside} * ${cl.inside} > 0.5 && ${row.index} == ${r} && ${cl.index} == ${col})`;
    if (attrs.interpolation === 'nearest') {
      const cl = e.mapCoordinate(e.let(`Math.floor(${u} + 0.5)`), w, attrs.fillMode);
      const row = e.mapCoordinate(e.let(`Math.floor(${v} + 0.5)`), h, attrs.fillMode);
      e.line(`if ${hits(row, cl)} { ${weight} = 1.0; }`);
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
      for (const [dr, dc] of [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ] as const) {
        const tap = `${dc ? fu : `(1.0 - ${fu})`} * ${dr ? fv : `(1.0 - ${fv})`}`;
        e.line(`if ${hits(rows[dr]!, cols[dc]!)} { ${weight} = ${weight} + ${tap}; }`);
      }
    }
    e.line(`if (${weight} != 0.0) {`);
    const g = e.let(e.read('x0', `((${b} * ${lit(oh)} + ${i}) * ${lit(ow)} + ${j}) * ${lit(c)} + ${ch}`));
    e.line(`${acc} = ${acc} + ${weight} * ${g};`);
    e.line('}}}');
    e.line(`return ${acc};`);
    return backend.run({ body: e.toString(), inputs: [dy!, matrices!] }, out.shape, out.dtype);
  },
);
