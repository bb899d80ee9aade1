import type { OneHotAttrs } from '@descent/core';
import { divMod, Emitter } from '../internal/codegen';
import { scalarsOf } from '../internal/convert';
import * as I from '../internal/int32';
import { gpujsKernel } from '../internal/kernel';
import { load, outputElement } from '../internal/values';

/** One-hot rows: `onValue` where the index equals the column, `offValue` elsewhere (also for out-of-range indices). */
export const oneHotKernel = gpujsKernel<OneHotAttrs>(
  'oneHot',
  ({ inputs: [indices], attrs, backend, out }) => {
    if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
    const e = new Emitter();
    const { index, ret } = outputElement(e, out.dtype);
    const [q, col] = divMod(e, index, attrs.depth);
    const k = I.toFloat(load(e, 'x0', 'int32', q).i!);
    const hit = `${k} == ${col}`;
    const on = scalarsOf(attrs.onValue, out.dtype);
    const off = scalarsOf(attrs.offValue, out.dtype);
    if (out.dtype === 'int32') {
      ret({ i: { hi: e.let(`${hit} ? s0 : s2`), lo: e.let(`${hit} ? s1 : s3`) } });
    } else {
      ret({ f: e.let(`${hit} ? s0 : s1`) });
    }
    return backend.run(
      { body: e.toString(), inputs: [indices!], scalars: [...on, ...off] },
      out.shape,
      out.dtype,
    );
  },
);
