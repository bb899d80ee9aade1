import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeError } from './errors';
import {
  broadcastShapes,
  broadcastStrides,
  normalizeAxes,
  normalizeAxis,
  sizeOf,
  stridesOf,
  windowOutputSize,
} from './shape';

describe('shape utilities', () => {
  it('broadcasts by NumPy rules', () => {
    expect(broadcastShapes('op', [2, 1, 3], [4, 1])).toEqual([2, 4, 3]);
    expect(broadcastShapes('op', [], [5])).toEqual([5]);
    expect(broadcastShapes('op', [0, 1], [1, 3])).toEqual([0, 3]);
    expect(broadcastShapes('op', [1], [0])).toEqual([0]);
    expect(() => broadcastShapes('mul', [2, 3], [3, 2])).toThrow(ShapeError);
    expect(() => broadcastShapes('mul', [0], [2])).toThrow('mul: shapes [0] and [2] cannot be broadcast');
  });

  it('strides and broadcast strides', () => {
    expect(stridesOf([2, 3, 4])).toEqual([12, 4, 1]);
    expect(stridesOf([])).toEqual([]);
    expect(broadcastStrides([3, 1], [2, 3, 4])).toEqual([0, 1, 0]);
    expect(sizeOf([])).toBe(1);
    expect(sizeOf([3, 0])).toBe(0);
  });

  it('normalizes axes and rejects bad ones', () => {
    expect(normalizeAxis('op', -1, 3)).toBe(2);
    expect(normalizeAxes('op', [-1, 0], 3)).toEqual([0, 2]);
    expect(normalizeAxes('op', undefined, 2)).toEqual([0, 1]);
    expect(() => normalizeAxis('sum', 3, 3)).toThrow(InvalidArgumentError);
    expect(() => normalizeAxis('sum', 3, 3)).toThrow(
      'sum: axis 3 is out of range for rank 3 (expected -3..2)',
    );
    expect(() => normalizeAxes('sum', [1, -1], 2)).toThrow(/repeat/);
  });

  it('window output sizes follow floor((n + pads - effective) / stride) + 1', () => {
    expect(windowOutputSize(28, 3, 1, 1, 1)).toBe(28);
    expect(windowOutputSize(28, 2, 2, 0, 0)).toBe(14);
    expect(windowOutputSize(7, 3, 2, 0, 0, 2)).toBe(2);
  });
});
