import { describe, expect, it } from 'vitest';
import * as core from './index';
import { DescentError } from './index';
import { miniBackend } from './test-utils/mini-backend';

// Exports that are not ops over tensors: classes, errors, registries, pure shape/RNG utilities,
// and the argument checks other packages build their validation on (check-args.test.ts).
const NOT_OPS = new Set([
  'Tensor',
  'Runtime',
  'Registry',
  'createRuntime',
  'defineOp',
  'defineFusedOp',
  'kernelKey',
  'backendPackage',
  'primitiveOps',
  'assertValidShape',
  'broadcastShapes',
  'broadcastStrides',
  'normalizeAxes',
  'normalizeAxis',
  'shapesEqual',
  'sizeOf',
  'stridesOf',
  'windowOutputSize',
  'philox4x32',
  'philoxUniform',
  'seedToKey',
  'uint32ToUnit',
  'fmtShape',
  'flattenParams',
  'unflattenParams',
  'mapParams',
  'conv2dAttrs',
  'describeValue',
  'checkFunction',
  'checkOptions',
  'checkRuntime',
  'checkTensor',
]);
const isOp = ([name, v]: [string, unknown]) =>
  typeof v === 'function' && !NOT_OPS.has(name) && !/Error$/.test(name);
const ops = Object.entries(core).filter(isOp) as [string, (...args: unknown[]) => unknown][];

describe('every public op validates its input', () => {
  const rt = core.createRuntime({ plugins: [miniBackend()] });
  const bad: [string, unknown][] = [
    ['a plain array', [1, 2]],
    ['undefined', undefined],
    ['a string', 'x'],
  ];

  it('covers the op exports', () => {
    expect(ops.length).toBeGreaterThan(70);
  });

  it.each(ops)('%s throws a typed error, not a crash, for bad input', (_name, fn) => {
    for (const [, value] of bad) {
      // Every argument bad: whichever the op reads first must be checked.
      const attempt = () => fn(value, value, value, value);
      expect(attempt).toThrow(DescentError);
    }
    // A valid tensor where a runtime is expected, or vice versa, is bad input too.
    const t = rt.tensor([1, 2]);
    expect(() => fn(rt, rt, rt)).toThrow(DescentError);
    t.dispose();
  });
});
