import { DisposedTensorError, InvalidArgumentError } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { maxNorm } from './constraints/max-norm';
import { minMaxNorm } from './constraints/min-max-norm';
import { nonNeg } from './constraints/non-neg';
import { unitNorm } from './constraints/unit-norm';
import { definePenalty } from './define-penalty';
import { RegularizerConfigError } from './errors';
import { l1 } from './penalties/l1';
import { l1l2 } from './penalties/l1l2';
import { l2 } from './penalties/l2';
import { runtime } from './test-utils/runtime';
import { weightDecayForL2 } from './weight-decay-for-l2';

/** The error `fn` throws. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('bad options are typed errors naming the entry, the option and the value', () => {
  it('a negative λ', () => {
    const e = thrown(() => l2(-0.01));
    expect(e).toBeInstanceOf(RegularizerConfigError);
    expect(e).toMatchObject({ code: 'REGULARIZER_CONFIG', entry: 'L2', option: 'l2', value: -0.01 });
    expect((e as Error).message).toBe('L2: l2 must be a finite number >= 0, got -0.01');
    expect(() => l1(-1)).toThrow('L1: l1 must be a finite number >= 0, got -1');
    expect(() => l1l2(0.1, -0.1)).toThrow('L1L2: l2 must be a finite number >= 0, got -0.1');
    expect(() => l1l2({ l1: -2 })).toThrow('L1L2: l1 must be a finite number >= 0, got -2');
    expect(() => weightDecayForL2(-1)).toThrow(RegularizerConfigError);
  });

  it('NaN, Infinity and non-numbers', () => {
    expect(() => l2(Number.NaN)).toThrow('got NaN');
    expect(() => l1(Number.POSITIVE_INFINITY)).toThrow('got Infinity');
    expect(() => l2({ l2: '0.1' as never })).toThrow('L2: l2 must be a finite number >= 0, got "0.1"');
    expect(() => l2('0.1' as never)).toThrow('L2: expected an options object, got "0.1"');
  });

  it('unknown options (a typo would otherwise silently keep the default)', () => {
    expect(() => l2({ L2: 0.1 } as never)).toThrow('L2: unknown option "L2" (options: l2)');
    expect(() => nonNeg({ axis: 0 } as never)).toThrow('NonNeg: unknown option "axis" (options: none)');
    expect(() => maxNorm({ max_value: 3 } as never)).toThrow(
      /unknown option "max_value" \(options: maxValue, axis\)/,
    );
  });

  it('constraint ranges', () => {
    expect(() => maxNorm(-1)).toThrow('MaxNorm: maxValue must be a finite number >= 0, got -1');
    expect(() => minMaxNorm({ minValue: 2, maxValue: 1 })).toThrow(
      'MinMaxNorm: maxValue must be >= minValue, got minValue 2 and maxValue 1',
    );
    expect(() => minMaxNorm({ rate: 0 })).toThrow('MinMaxNorm: rate must be in (0, 1], got 0');
    expect(() => minMaxNorm({ rate: 1.5 })).toThrow('rate must be in (0, 1], got 1.5');
    expect(() => minMaxNorm({ minValue: -1 })).toThrow('minValue must be a finite number >= 0, got -1');
    expect(() => maxNorm(2, { axis: 0.5 })).toThrow(
      'MaxNorm: axis must be an integer or a non-empty list of distinct integers, got 0.5',
    );
    expect(() => unitNorm({ axis: [] })).toThrow(RegularizerConfigError);
    expect(() => unitNorm({ axis: [1, 1] })).toThrow(RegularizerConfigError);
  });

  it('penalties and constraints check their input tensor', () => {
    const rt = runtime(1);
    const w = rt.tensor([1, 2]);
    w.dispose();
    expect(() => l2(0.1).penalty(w)).toThrow(DisposedTensorError);
    expect(() => maxNorm(1).apply(w)).toThrow(DisposedTensorError);
    expect(() => l2(0.1).penalty([1, 2] as never)).toThrow('L2: penalty expects a Tensor, got object');
    expect(() => nonNeg().apply(3 as never)).toThrow('NonNeg: apply expects a Tensor, got number');
  });

  it('definePenalty checks its definition', () => {
    expect(() => definePenalty({ className: '', defaults: {}, penalty: (w) => w })).toThrow(
      InvalidArgumentError,
    );
    expect(() => definePenalty({ className: 'X', defaults: {}, penalty: undefined as never })).toThrow(
      'definePenalty: X: penalty must be a function',
    );
  });
});
