import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, InvalidArgumentError, sum } from '@descent/core';
import { runInputValidationSweep } from '@descent/testing';
import { afterAll, describe } from 'vitest';
import * as api from './index';

describe('every export of @descent/autograd validates its input', () => {
  const rt = createRuntime({ plugins: [cpuBackend(), api.autograd()] });
  const t = rt.tensor([1, 2, 3]);
  const m = rt.tensor([
    [1, 2],
    [3, 4],
  ]);
  const f = (x: unknown) => sum(x as never);
  afterAll(() => rt.dispose([t, m]));
  const fn = /expected f to be a function, got/;

  runInputValidationSweep(api, {
    autograd: { none: 'a plugin factory without arguments' },
    gradientRules: { none: 'a table of rules the tape calls with the tensors it recorded' },
    customGrad: [
      {
        what: 'a string for f',
        call: () => api.customGrad('f' as never),
        message: /expected f to be a function, got the string "f"/,
      },
      {
        what: 'no inputs',
        call: () => api.customGrad(() => ({}) as never)(),
        message: /expected at least one Tensor input/,
      },
      {
        what: 'an array input',
        call: () => api.customGrad(() => ({}) as never)([1] as never),
        message: /Tensor/,
      },
    ],
    grad: [
      { what: 'undefined f', call: () => api.grad(undefined as never), message: fn },
      { what: 'a tensor for f', call: () => api.grad(t as never), message: /got a Tensor of shape \[3\]/ },
      { what: 'params of strings', call: () => api.grad(f)('x' as never), message: /Tensor/ },
      {
        what: 'a non-tensor dy',
        call: () => api.grad(f)(t, [1] as never),
        message: /expected the seed gradient dy to be a Tensor, got an array/,
      },
    ],
    valueAndGrad: [
      { what: 'a number for f', call: () => api.valueAndGrad(3 as never), message: /got the number 3/ },
      { what: 'a runtime for params', call: () => api.valueAndGrad(f)(rt as never), message: /valueAndGrad/ },
      { what: 'no tensors in params', call: () => api.valueAndGrad(f)({}), message: /no tensor/ },
      {
        what: 'dy a string',
        call: () => api.valueAndGrad(f)(t, 'dy' as never),
        message: /expected the seed gradient dy to be a Tensor, got the string "dy"/,
      },
      {
        what: 'dy of the wrong shape',
        call: () => api.valueAndGrad(f)(t, t),
        message: /dy has shape \[3\], expected the output's \[\]/,
      },
      {
        what: 'f returning a number',
        call: () => api.valueAndGrad(() => 1 as never)(t),
        message: /f must return a Tensor, got number/,
      },
    ],
    gradCheck: [
      { what: 'a string for f', call: () => api.gradCheck('f' as never, [t]), message: fn },
      {
        what: 'inputs not an array',
        call: () => api.gradCheck(f, t as never),
        message: /expected inputs to be a non-empty array of Tensors, got a Tensor/,
      },
      {
        what: 'no inputs',
        call: () => api.gradCheck(f, []),
        message: /non-empty array of Tensors, got an array/,
      },
      {
        what: 'an array among the inputs',
        call: () => api.gradCheck(f, [[1, 2]] as never),
        message: /expected inputs\[0\] to be a Tensor, got an array/,
      },
      {
        what: 'options a string',
        call: () => api.gradCheck(f, [t], 'fast' as never),
        message: /expected options to be an object, got the string "fast"/,
      },
      {
        what: 'a negative eps',
        call: () => api.gradCheck(f, [t], { eps: -1 }),
        message: /expected options.eps to be a finite number > 0, got the number -1/,
      },
      {
        what: 'a NaN rtol',
        call: () => api.gradCheck(f, [t], { rtol: Number.NaN }),
        message: /options.rtol .* got the number NaN/,
      },
      {
        what: 'a tensor for the runtime',
        call: () => api.gradCheck(f, [t], { runtime: t as never }),
        message: /expected options.runtime to be a Runtime, got a Tensor/,
      },
    ],
    sumToShape: [
      {
        what: 'an array for dy',
        call: () => api.sumToShape([1, 2] as never, [1]),
        message: /expected dy to be a Tensor, got an array/,
      },
      {
        what: 'a string shape',
        call: () => api.sumToShape(t, 'x' as never),
        message: /expected shape to be an array of non-negative integers, got the string "x"/,
      },
      {
        what: 'a fractional dimension',
        call: () => api.sumToShape(t, [1.5]),
        message: /non-negative integers/,
      },
      {
        what: 'a shape dy is not a broadcast of',
        call: () => api.sumToShape(m, [3]),
        message: /dy of shape \[2,2\] is not a broadcast of shape \[3\]/,
      },
      {
        what: 'a shape of higher rank',
        call: () => api.sumToShape(t, [1, 1, 3]),
        message: /not a broadcast/,
      },
    ],
    noGrad: [
      {
        what: 'a tensor for the runtime',
        call: () => api.noGrad(t as never, () => 1),
        message: /expected the first argument to be a Runtime, got a Tensor/,
      },
      {
        what: 'fn missing',
        call: () => api.noGrad(rt, undefined as never),
        message: /expected fn to be a function, got undefined/,
      },
    ],
    stopGradient: [
      {
        what: 'undefined',
        call: () => api.stopGradient(undefined as never),
        message: /expected x to be a Tensor, got undefined/,
        error: InvalidArgumentError,
      },
      { what: 'a runtime', call: () => api.stopGradient(rt as never), message: /got a Runtime/ },
    ],
  });
});
