import { conv2d, conv2dBackpropFilter, conv2dBackpropInput, type Shape } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cpuRuntime, dot, expectClose, randomTensor, values } from '../test-utils/helpers';

const rt = cpuRuntime();

interface Case {
  x: [number, number, number, number];
  f: [number, number, number, number];
  strides: [number, number];
  pads: [number, number, number, number];
  dilations: [number, number];
}

const cases: Case[] = [
  { x: [1, 5, 5, 1], f: [3, 3, 1, 1], strides: [1, 1], pads: [0, 0, 0, 0], dilations: [1, 1] },
  { x: [2, 7, 6, 3], f: [3, 2, 3, 4], strides: [2, 1], pads: [1, 0, 2, 1], dilations: [1, 1] },
  { x: [2, 9, 8, 2], f: [2, 3, 2, 3], strides: [2, 3], pads: [0, 1, 1, 0], dilations: [2, 2] },
  { x: [1, 6, 7, 4], f: [3, 3, 4, 2], strides: [3, 2], pads: [2, 2, 1, 2], dilations: [1, 2] },
  // Stride larger than the window: some input pixels feed no output.
  { x: [3, 8, 8, 2], f: [1, 2, 2, 5], strides: [3, 3], pads: [0, 0, 0, 0], dilations: [1, 1] },
];

/**
 * conv2d the long way round, in float64: materialize the zero-padded input and the dilated
 * filter (zeros between taps), correlate densely at stride 1, then keep every stride-th output.
 */
function conv2dReference(x: number[], f: number[], c: Case): { y: number[]; shape: Shape } {
  const [n, h, w, ci] = c.x;
  const [fh, fw, , co] = c.f;
  const [t, b, l, r] = c.pads;
  const [ph, pw] = [h + t + b, w + l + r];
  const padded = new Float64Array(n * ph * pw * ci);
  for (let img = 0; img < n; img++)
    for (let row = 0; row < h; row++)
      for (let col = 0; col < w; col++)
        for (let ch = 0; ch < ci; ch++)
          padded[((img * ph + row + t) * pw + col + l) * ci + ch] = x[((img * h + row) * w + col) * ci + ch]!;
  const [dy, dx] = c.dilations;
  const [kh, kw] = [(fh - 1) * dy + 1, (fw - 1) * dx + 1];
  const dilated = new Float64Array(kh * kw * ci * co);
  for (let i = 0; i < fh; i++)
    for (let j = 0; j < fw; j++)
      for (let k = 0; k < ci * co; k++)
        dilated[(i * dy * kw + j * dx) * ci * co + k] = f[(i * fw + j) * ci * co + k]!;
  const [dh, dw] = [ph - kh + 1, pw - kw + 1];
  const dense = (img: number, oy: number, ox: number, d: number) => {
    let s = 0;
    for (let i = 0; i < kh; i++)
      for (let j = 0; j < kw; j++)
        for (let ch = 0; ch < ci; ch++)
          s +=
            padded[((img * ph + oy + i) * pw + ox + j) * ci + ch]! *
            dilated[((i * kw + j) * ci + ch) * co + d]!;
    return s;
  };
  const y: number[] = [];
  const [sh, sw] = c.strides;
  for (let img = 0; img < n; img++)
    for (let oy = 0; oy < dh; oy += sh)
      for (let ox = 0; ox < dw; ox += sw) for (let d = 0; d < co; d++) y.push(dense(img, oy, ox, d));
  return { y, shape: [n, Math.ceil(dh / sh), Math.ceil(dw / sw), co] };
}

describe('conv2d', () => {
  it('sums 2×2 windows of a hand-written image', () => {
    const x = rt.tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const f = rt.tensor([1, 1, 1, 1], [2, 2, 1, 1]);
    expect(values(conv2d(x, f))).toEqual([12, 16, 24, 28]);
    // 'same' pads bottom and right by one: the last row and column sum fewer cells.
    expect(values(conv2d(x, f, { padding: 'same' }))).toEqual([12, 16, 9, 24, 28, 15, 15, 17, 9]);
    // Two output channels, one of them the negated filter.
    const f2 = rt.tensor([1, -1, 1, -1, 1, -1, 1, -1], [2, 2, 1, 2]);
    expect(values(conv2d(x, f2))).toEqual([12, -12, 16, -16, 24, -24, 28, -28]);
  });

  it.each(cases)('matches a padded, dilated, subsampled reference: %j', (c) => {
    const x = randomTensor(rt, c.x, 11);
    const f = randomTensor(rt, c.f, 12);
    const y = conv2d(x, f, { strides: c.strides, padding: c.pads, dilations: c.dilations });
    const ref = conv2dReference(values(x), values(f), c);
    expect(y.shape).toEqual(ref.shape);
    expectClose(values(y), ref.y, 1e-5);
  });
});

describe('conv2d backprops', () => {
  it('spread a ones gradient by hand-counted window overlaps', () => {
    const x = rt.tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const f = rt.tensor([1, 1, 1, 1], [2, 2, 1, 1]);
    const dy = rt.tensor([1, 1, 1, 1], [1, 2, 2, 1]);
    const attrs = { strides: [1, 1], pads: [0, 0, 0, 0], dilations: [1, 1] } as const;
    expect(values(conv2dBackpropInput(dy, f, { ...attrs, inputShape: [1, 3, 3, 1] }))).toEqual([
      1, 2, 1, 2, 4, 2, 1, 2, 1,
    ]);
    expect(values(conv2dBackpropFilter(x, dy, { ...attrs, filterShape: [2, 2, 1, 1] }))).toEqual([
      12, 16, 24, 28,
    ]);
  });

  // conv2d is linear in x and in f, so its adjoints satisfy
  // <conv2d(x, f), dy> = <x, backpropInput(dy, f)> = <f, backpropFilter(x, dy)>.
  it.each(cases)('are the adjoints of conv2d: %j', (c) => {
    const x = randomTensor(rt, c.x, 21);
    const f = randomTensor(rt, c.f, 22);
    const attrs = { strides: c.strides, pads: c.pads, dilations: c.dilations };
    const y = conv2d(x, f, { ...attrs, padding: c.pads });
    const dy = randomTensor(rt, y.shape, 23);
    const lhs = dot(values(y), values(dy));
    const dx = conv2dBackpropInput(dy, f, { ...attrs, inputShape: c.x });
    const df = conv2dBackpropFilter(x, dy, { ...attrs, filterShape: c.f });
    expect(dx.shape).toEqual(c.x);
    expect(df.shape).toEqual(c.f);
    const scale = Math.max(1, Math.abs(lhs));
    expect(Math.abs(dot(values(x), values(dx)) - lhs) / scale).toBeLessThan(1e-5);
    expect(Math.abs(dot(values(f), values(df)) - lhs) / scale).toBeLessThan(1e-5);
  });

  it('handle an empty batch', () => {
    const attrs = { strides: [1, 1], pads: [0, 0, 0, 0], dilations: [1, 1] } as const;
    const dy = rt.tensor([], [0, 2, 2, 1]);
    expect(
      values(conv2dBackpropFilter(rt.tensor([], [0, 3, 3, 1]), dy, { ...attrs, filterShape: [2, 2, 1, 1] })),
    ).toEqual([0, 0, 0, 0]);
    expect(
      conv2dBackpropInput(dy, rt.tensor([1, 1, 1, 1], [2, 2, 1, 1]), { ...attrs, inputShape: [0, 3, 3, 1] })
        .shape,
    ).toEqual([0, 3, 3, 1]);
  });
});
