import type { DType, Shape, TypedArray } from '../types';

/** Above this many elements, print only the first and last few along each axis (like NumPy). */
const SUMMARIZE_OVER = 1000;
const EDGE = 3;

function formatValue(v: number, dtype: DType): string {
  if (dtype === 'bool') return v ? 'true' : 'false';
  if (dtype === 'int32') return String(v);
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-4)) return v.toExponential(4);
  return String(Number(v.toFixed(4)));
}

/** NumPy-style nested rows with right-aligned columns, e.g. `[[1, 2],\n [3, 4]]`. */
export function formatTensor(values: TypedArray, shape: Shape, dtype: DType): string {
  const summarize = values.length > SUMMARIZE_OVER;
  const strs = Array.from(values, (v) => formatValue(v, dtype));
  const width = Math.max(0, ...strs.map((s) => s.length));
  const pad = (s: string) => s.padStart(width);
  if (shape.length === 0) return strs[0] ?? '';

  const render = (axis: number, offset: number, indent: string): string => {
    const n = shape[axis]!;
    const stride = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const idx =
      summarize && n > 2 * EDGE
        ? [...Array(EDGE).keys(), -1, ...Array.from({ length: EDGE }, (_, i) => n - EDGE + i)]
        : [...Array(n).keys()];
    if (axis === shape.length - 1) {
      return `[${idx.map((i) => (i < 0 ? '...' : pad(strs[offset + i]!))).join(', ')}]`;
    }
    const sep = `,${'\n'.repeat(shape.length - axis - 1)}${indent} `;
    const parts = idx.map((i) => (i < 0 ? '...' : render(axis + 1, offset + i * stride, `${indent} `)));
    return `[${parts.join(sep)}]`;
  };
  return render(0, 0, '');
}
