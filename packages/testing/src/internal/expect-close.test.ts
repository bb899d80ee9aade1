import { describe, expect, it } from 'vitest';
import { expectClose, formatIndex } from './expect-close';

describe('expectClose', () => {
  it('passes within atol + rtol·|expected|', () => {
    expect(() => expectClose([1.00001, 2e-7], [1, 0], { rtol: 1e-5, atol: 1e-6 })).not.toThrow();
    expect(() => expectClose(new Float32Array([3]), [3], { rtol: 0, atol: 0 })).not.toThrow();
  });

  it('treats NaN as equal to NaN only, infinities as exact, -0 as 0', () => {
    expect(() => expectClose([Number.NaN, Infinity, -0], [Number.NaN, Infinity, 0])).not.toThrow();
    expect(() => expectClose([Number.NaN], [1])).toThrow(/got NaN, expected 1/);
    expect(() => expectClose([1], [Number.NaN])).toThrow(/got 1, expected NaN/);
    expect(() => expectClose([Infinity], [-Infinity])).toThrow(/got Infinity, expected -Infinity/);
    expect(() => expectClose([1e30], [Infinity], { rtol: 1 })).toThrow();
  });

  it('reports how many differ and the worst element with its multi-index', () => {
    const run = () =>
      expectClose([0, 1.5, 2, 3.1, 4, 5], [0, 1, 2, 3, 4, 5], {
        rtol: 0,
        atol: 0.01,
        shape: [2, 3],
        label: 'case',
      });
    expect(run).toThrow(
      'case: 2 of 6 elements differ (rtol 0, atol 0.01); worst at index 1 [0,1]: got 1.5, expected 1 (|diff| 0.5 > tol 0.01)',
    );
  });

  it('ranks elements by how far outside their own tolerance they are', () => {
    // |diff| 0.5 at 1000 is within rtol; |diff| 0.1 at 0 is not.
    expect(() => expectClose([1000.5, 0.1], [1000, 0], { rtol: 1e-3, atol: 1e-3 })).toThrow(
      /worst at index 1/,
    );
  });

  it('fails on a length mismatch', () => {
    expect(() => expectClose([1, 2], [1])).toThrow('expected 1 elements, got 2');
  });
});

describe('formatIndex', () => {
  it('turns a row-major flat index into a multi-index', () => {
    expect(formatIndex(5, [2, 3])).toBe('[1,2]');
    expect(formatIndex(0, [])).toBe('[]');
    expect(formatIndex(7, [2, 2, 2])).toBe('[1,1,1]');
  });
});
