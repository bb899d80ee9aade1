import { afterAll, describe, expect, it } from 'vitest';
import {
  checkFunction,
  checkOptions,
  checkRuntime,
  checkTensor,
  createRuntime,
  describeValue,
  InvalidArgumentError,
} from './index';
import { miniBackend } from './test-utils/mini-backend';

// Every package's error messages are built from these: the exact wording is pinned here.
describe('argument checks', () => {
  const rt = createRuntime({ plugins: [miniBackend()] });
  const t = rt.tensor([1, 2, 3]);
  afterAll(() => t.dispose());

  it('describeValue names what came', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(t)).toBe('a Tensor of shape [3]');
    expect(describeValue(rt)).toBe('a Runtime');
    expect(describeValue([1])).toBe('an array');
    expect(describeValue('adam')).toBe('the string "adam"');
    expect(describeValue('x'.repeat(50))).toBe(`the string "${'x'.repeat(40)}…"`);
    expect(describeValue(Number.NaN)).toBe('the number NaN');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue({})).toBe('an object');
    expect(describeValue(true)).toBe('a boolean');
    expect(describeValue(1n)).toBe('a bigint');
  });

  it('checkFunction accepts a function and names the op otherwise', () => {
    expect(() => checkFunction('grad', 'f', () => 1)).not.toThrow();
    expect(() => checkFunction('grad', 'f', 'f')).toThrow(InvalidArgumentError);
    expect(() => checkFunction('grad', 'f', 'f')).toThrow(
      'grad: expected f to be a function, got the string "f"',
    );
  });

  it('checkTensor accepts a Tensor and names the op otherwise', () => {
    expect(() => checkTensor('relu', 'x', t)).not.toThrow();
    expect(() => checkTensor('relu', 'x', [1, 2])).toThrow(InvalidArgumentError);
    expect(() => checkTensor('relu', 'x', rt)).toThrow('relu: expected x to be a Tensor, got a Runtime');
  });

  it('checkRuntime accepts a Runtime and names the op otherwise', () => {
    expect(() => checkRuntime('init', 'the runtime', rt)).not.toThrow();
    expect(() => checkRuntime('init', 'the runtime', t)).toThrow(
      'init: expected the runtime to be a Runtime, got a Tensor of shape [3]',
    );
  });

  it('checkOptions accepts undefined or an object and names the op otherwise', () => {
    expect(() => checkOptions('adam', undefined)).not.toThrow();
    expect(() => checkOptions('adam', {})).not.toThrow();
    expect(() => checkOptions('adam', null)).toThrow('adam: expected options to be an object, got null');
    for (const bad of [[], t, rt, 3, 'a', () => 1]) {
      expect(() => checkOptions('adam', bad)).toThrow(InvalidArgumentError);
    }
    expect(() => checkOptions('fit', 'x', 'the fit options')).toThrow(
      'fit: expected the fit options to be an object, got the string "x"',
    );
  });
});
