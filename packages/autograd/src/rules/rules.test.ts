import {
  type AvgPoolBackwardAttrs,
  abs,
  add,
  avgPool,
  avgPoolBackward,
  broadcastTo,
  type Conv2DAttrs,
  type Conv2DOptions,
  cast,
  ceil,
  concat,
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  cos,
  div,
  equal,
  erf,
  exp,
  expm1,
  fill,
  floor,
  gather,
  greater,
  greaterEqual,
  isFinite,
  isNaN,
  less,
  lessEqual,
  log,
  log1p,
  logicalAnd,
  logicalNot,
  logicalOr,
  matmul,
  max,
  maximum,
  maxPool,
  maxPoolBackward,
  minimum,
  mod,
  mul,
  neg,
  notEqual,
  type Pool2DAttrs,
  type Pool2DOptions,
  pad,
  pow,
  primitiveOps,
  reshape,
  round,
  rsqrt,
  type Shape,
  scatterAdd,
  sign,
  sin,
  slice,
  sqrt,
  sub,
  sum,
  type Tensor,
  tanh,
  transpose,
  where,
} from '@descent/core';
import { describe, expect, it } from 'vitest';
import { gradCheck } from '../grad-check';
import { valueAndGrad } from '../value-and-grad';
import { attrsOf, nonDifferentiableOps, referenceRuntime, sampler } from './test-utils';

const { rt, exercised } = referenceRuntime(2024);
const { normal, uniform, awayFromZero, fractional } = sampler(rt);

interface Case {
  name: string;
  f: (...xs: Tensor[]) => Tensor;
  inputs: () => Tensor[];
}

/** One test per case: analytic gradients of every input match float64 central differences. */
function gradChecks(cases: readonly Case[]): void {
  it.each(cases)('$name', ({ f, inputs }) => {
    const report = gradCheck(f, inputs());
    expect(report.ok, report.message).toBe(true);
  });
}

const i32 = (values: number[], shape?: Shape) => rt.tensor(new Int32Array(values), shape ?? [values.length]);
const fmt = (s: Shape) => `[${s.join(',')}]`;

describe('elementwise unary', () => {
  type Domain = (shape: Shape) => Tensor;
  const positive: Domain = (s) => uniform(s, 0.2, 3);
  const ops: [string, (x: Tensor) => Tensor, Domain][] = [
    ['neg', neg, normal],
    ['abs', abs, (s) => awayFromZero(s)],
    ['exp', exp, normal],
    ['log', log, positive],
    ['log1p', log1p, (s) => uniform(s, -0.5, 3)],
    ['expm1', expm1, normal],
    ['sqrt', sqrt, positive],
    ['rsqrt', rsqrt, positive],
    ['sin', sin, normal],
    ['cos', cos, normal],
    ['tanh', tanh, normal],
    ['erf', erf, normal],
    // Zero-gradient ops, times x so the check sees the product rule keep only op(x)·dy.
    ['sign(x)·x', (x) => mul(sign(x), x), (s) => awayFromZero(s)],
    ['floor(x)·x', (x) => mul(floor(x), x), fractional],
    ['ceil(x)·x', (x) => mul(ceil(x), x), fractional],
    ['round(x)·x', (x) => mul(round(x), x), fractional],
  ];
  const shapes: Shape[] = [[2, 3], [], [1, 4, 1]];
  gradChecks(
    ops.flatMap(([name, op, domain]) =>
      shapes.map((s) => ({
        name: `${name} on ${fmt(s)}`,
        f: (x: Tensor) => op(x),
        inputs: () => [domain(s)],
      })),
    ),
  );
});

describe('elementwise binary with broadcasting', () => {
  type Domain = (shape: Shape) => Tensor;
  const ops: [string, (a: Tensor, b: Tensor) => Tensor, Domain, Domain][] = [
    ['add', add, normal, normal],
    ['sub', sub, normal, normal],
    ['mul', mul, normal, normal],
    ['div', div, normal, (s) => awayFromZero(s, 0.5)],
    ['pow', pow, (s) => uniform(s, 0.3, 2), normal],
    ['maximum', maximum, normal, normal],
    ['minimum', minimum, normal, normal],
    ['mod', mod, (s) => uniform(s, -3, 3), (s) => awayFromZero(s, 0.5)],
  ];
  const pairs: [Shape, Shape][] = [
    [
      [2, 3],
      [2, 3],
    ],
    [[2, 3], [3]],
    [[3], [2, 3]],
    [
      [2, 1],
      [1, 3],
    ],
    [[], [2, 3]],
    [[2, 3], []],
    [[1], [2, 1, 3]],
    [
      [4, 1, 2],
      [3, 1],
    ],
  ];
  gradChecks(
    ops.flatMap(([name, op, da, db]) =>
      pairs.map(([sa, sb]) => ({
        name: `${name} ${fmt(sa)} with ${fmt(sb)}`,
        f: (a: Tensor, b: Tensor) => op(a, b),
        inputs: () => [da(sa), db(sb)],
      })),
    ),
  );
  gradChecks([
    { name: 'mul(x, x) accumulates both uses', f: (x) => mul(x, x), inputs: () => [normal([3])] },
    {
      name: 'pow with a negative base and constant exponent 3',
      f: (x) => pow(x, 3),
      inputs: () => [uniform([4], -2, -0.5)],
    },
    {
      name: 'pow at a = 0 with b > 0',
      f: (a, b) => pow(a, b),
      inputs: () => [rt.tensor([0, 0.5, 0]), rt.tensor([2, 1.5, 3.5])],
    },
    {
      name: 'number operands (scalar inputs made by core)',
      f: (x) => div(sub(2, x), 3),
      inputs: () => [normal([2])],
    },
  ]);

  it.each([
    ['add', add],
    ['sub', sub],
    ['mul', mul],
    ['div', div],
  ] as const)('%s computes no gradient for a constant operand', (_, op) => {
    const c = rt.tensor([2, 4]);
    const ops: string[] = [];
    const stop = rt.onOp((r) => ops.push(r.op.name));
    const { grads } = valueAndGrad((p: { x: Tensor }) => sum(op(p.x, c)))({ x: rt.tensor([[1, 2]]) });
    stop();
    // After the forward's op and sum, the backward: what x's gradient takes, nothing for c's
    // (which would negate, or reduce over the axis c is broadcast along).
    expect(ops.slice(0, 2)).toEqual([_, 'sum']);
    const backward = ops.slice(2);
    expect(backward).not.toContain('neg');
    expect(backward.filter((o) => o === 'sum')).toEqual([]);
    const want = { add: [1, 1], sub: [1, 1], mul: [2, 4], div: [0.5, 0.25] }[_];
    expect(Array.from(grads.x.dataSync())).toEqual(want);
  });
});

describe('where and cast', () => {
  const cond = (s: Shape) => less(uniform(s, 0, 1), 0.5);
  const triples: [Shape, Shape, Shape][] = [
    [
      [2, 3],
      [2, 3],
      [2, 3],
    ],
    [[2, 1], [3], [2, 3]],
    [[], [2, 2], []],
    [[3], [2, 1], [1]],
  ];
  gradChecks([
    ...triples.map(([sc, sa, sb]) => {
      const c = cond(sc);
      return {
        name: `where cond ${fmt(sc)}, a ${fmt(sa)}, b ${fmt(sb)}`,
        f: (a: Tensor, b: Tensor) => where(c, a, b),
        inputs: () => [normal(sa), normal(sb)],
      };
    }),
    {
      name: 'where on a condition computed from the inputs',
      f: (a, b) => where(greater(a!, b!), mul(a!, b!), sub(a!, b!)),
      inputs: () => [normal([2, 3]), normal([3])],
    },
    {
      name: 'cast float32 to float32 passes dy',
      f: (x) => mul(cast(x!, 'float32'), x!),
      inputs: () => [normal([2, 2])],
    },
  ]);

  // Conditions built by every comparison and logical op are recorded on the tape but take no gradient.
  const conditions: [string, (a: Tensor, b: Tensor) => Tensor][] = [
    ['equal', (a, b) => equal(a, b)],
    ['notEqual', (a, b) => notEqual(a, b)],
    ['greater', (a, b) => greater(a, b)],
    ['greaterEqual', (a, b) => greaterEqual(a, b)],
    ['less', (a, b) => less(a, b)],
    ['lessEqual', (a, b) => lessEqual(a, b)],
    ['logicalAnd', (a, b) => logicalAnd(greater(a, 0), less(b, 0))],
    ['logicalOr', (a, b) => logicalOr(greater(a, 0), less(b, 0))],
    ['logicalNot', (a) => logicalNot(greater(a, 0))],
    ['isNaN', (a) => isNaN(log(a))],
    ['isFinite', (a, b) => isFinite(div(a, b))],
  ];
  gradChecks(
    conditions.map(([name, c]) => ({
      name: `where on ${name}`,
      f: (a: Tensor, b: Tensor) => where(c(a, b), mul(a, b), sub(a, b)),
      inputs: () => [normal([2, 3]), normal([2, 3])],
    })),
  );
});

describe('reductions', () => {
  const cases: [Shape, number | number[] | undefined, boolean][] = [
    [[2, 3, 4], undefined, false],
    [[2, 3, 4], [1], false],
    [[2, 3, 4], [0, 2], true],
    [[2, 3], -1, true],
    [[3, 1], [1], false],
    [[], undefined, false],
  ];
  const ops: [string, typeof sum][] = [
    ['sum', sum],
    ['max', max],
  ];
  gradChecks(
    ops.flatMap(([name, op]) =>
      cases.map(([s, axes, keep]) => ({
        name: `${name} of ${fmt(s)} over ${JSON.stringify(axes ?? 'all')}${keep ? ', keepDims' : ''}`,
        f: (x: Tensor) => op(x, axes, keep),
        inputs: () => [normal(s)],
      })),
    ),
  );
});

describe('shape ops', () => {
  gradChecks([
    ...(
      [
        [
          [2, 3],
          [3, 2],
        ],
        [[6], [1, 2, 3]],
        [[], [1, 1]],
        [
          [2, 3, 4],
          [-1, 4],
        ],
      ] as [Shape, Shape][]
    ).map(([from, to]) => ({
      name: `reshape ${fmt(from)} to ${fmt(to)}`,
      f: (x: Tensor) => reshape(x, to),
      inputs: () => [normal(from)],
    })),
    ...(
      [
        [[3], [2, 3]],
        [
          [2, 1],
          [2, 3],
        ],
        [[], [2, 2]],
        [
          [1, 3],
          [4, 2, 3],
        ],
        [
          [2, 3],
          [2, 3],
        ],
      ] as [Shape, Shape][]
    ).map(([from, to]) => ({
      name: `broadcastTo ${fmt(from)} to ${fmt(to)}`,
      f: (x: Tensor) => broadcastTo(x, to),
      inputs: () => [normal(from)],
    })),
    ...[[2, 0, 1], [1, 2, 0], [0, 1, 2], undefined].map((perm) => ({
      name: `transpose [2,3,4] by ${JSON.stringify(perm ?? 'default')}`,
      f: (x: Tensor) => transpose(x, perm),
      inputs: () => [normal([2, 3, 4])],
    })),
    ...(
      [
        [
          [3, 4],
          [1, 1],
          [2, 2],
        ],
        [
          [2, 3, 4],
          [0, 1, 2],
          [2, 1, -1],
        ],
        [[5], [-2], undefined],
        [
          [3, 4],
          [1, 0],
          [0, 4],
        ],
      ] as [Shape, number[], number[] | undefined][]
    ).map(([s, begin, size]) => ({
      name: `slice ${fmt(s)} at ${fmt(begin)} size ${JSON.stringify(size ?? 'rest')}`,
      f: (x: Tensor) => slice(x, begin, size),
      inputs: () => [normal(s)],
    })),
    ...(
      [
        [
          [2, 3],
          [
            [1, 0],
            [2, 1],
          ],
          5,
        ],
        [[4], [[0, 3]], 0],
        [
          [1, 2, 2, 1],
          [
            [0, 0],
            [1, 1],
            [1, 1],
            [0, 0],
          ],
          -1,
        ],
      ] as [Shape, [number, number][], number][]
    ).map(([s, paddings, value]) => ({
      name: `pad ${fmt(s)} by ${JSON.stringify(paddings)}`,
      f: (x: Tensor) => pad(x, paddings, value),
      inputs: () => [normal(s)],
    })),
    ...(
      [
        [
          [
            [2, 1],
            [2, 3],
            [2, 2],
          ],
          1,
        ],
        [
          [
            [1, 3],
            [2, 3],
          ],
          0,
        ],
        [[[2], [3]], 0],
        [[[2, 2]], -1],
      ] as [Shape[], number][]
    ).map(([shapes, axis]) => ({
      name: `concat ${shapes.map(fmt).join(' ')} on axis ${axis}`,
      f: (...xs: Tensor[]) => concat(xs, axis),
      inputs: () => shapes.map(normal),
    })),
  ]);
});

describe('indexing', () => {
  gradChecks([
    ...(
      [
        [[4, 3], [2, 0, 3], [3], 0],
        [[2, 3, 2], [1, 1, 0, 2], [2, 2], 1],
        [[5], [3], [], 0],
        [[2, 3], [2, 2, 0], [3], -1],
      ] as [Shape, number[], Shape, number][]
    ).map(([s, idx, idxShape, axis]) => ({
      name: `gather ${fmt(s)} at ${JSON.stringify(idx)} (shape ${fmt(idxShape)}) on axis ${axis}`,
      f: (x: Tensor) => gather(x, i32(idx, idxShape), axis),
      inputs: () => [normal(s)],
    })),
    ...(
      [
        [[3, 2], [2, 0, 2], [3], 0, 4],
        [[3, 2, 2], [0, 1, 1, 1], [2, 2], 1, 3],
      ] as [Shape, number[], Shape, number, number][]
    ).map(([s, idx, idxShape, axis, size]) => ({
      name: `scatterAdd ${fmt(s)} at ${JSON.stringify(idx)} on axis ${axis} into ${size}`,
      f: (u: Tensor) => scatterAdd(u, i32(idx, idxShape), axis, size),
      inputs: () => [normal(s)],
    })),
    { name: 'fill as a constant operand', f: (x) => mul(x, fill(rt, [2], 3)), inputs: () => [normal([2])] },
  ]);
});

describe('matmul', () => {
  const cases: [Shape, Shape, boolean, boolean][] = [
    [[2, 3], [3, 4], false, false],
    [[3, 2], [3, 4], true, false],
    [[2, 3], [4, 3], false, true],
    [[3, 2], [4, 3], true, true],
    [[2, 1, 2, 3], [3, 3, 4], false, false],
    [[4, 2, 3], [3, 2], false, false],
  ];
  gradChecks(
    cases.map(([sa, sb, transposeA, transposeB]) => ({
      name: `${fmt(sa)}${transposeA ? 'ᵀ' : ''} × ${fmt(sb)}${transposeB ? 'ᵀ' : ''}`,
      f: (a: Tensor, b: Tensor) => matmul(a, b, { transposeA, transposeB }),
      inputs: () => [normal(sa), normal(sb)],
    })),
  );
});

describe('convolution and its backward kernels', () => {
  const convs: [Shape, Shape, Conv2DOptions][] = [
    [[1, 5, 5, 2], [3, 3, 2, 3], {}],
    [[2, 6, 5, 1], [2, 3, 1, 2], { strides: 2, padding: 'same' }],
    [[1, 7, 7, 2], [3, 3, 2, 2], { dilations: 2, padding: [1, 0, 2, 1] }],
    [[1, 5, 4, 3], [1, 1, 3, 2], { strides: [2, 1] }],
    [[1, 7, 7, 1], [2, 2, 1, 1], { strides: 3 }],
  ];
  gradChecks(
    convs.flatMap(([xs, fs, options]) => {
      const name = `${fmt(xs)} * ${fmt(fs)} ${JSON.stringify(options)}`;
      const attrs = attrsOf<Conv2DAttrs>(rt, () => conv2d(normal(xs), normal(fs), options));
      const ys = rt.tidy(() => conv2d(normal(xs), normal(fs), options).shape);
      return [
        {
          name: `conv2d ${name}`,
          f: (x: Tensor, w: Tensor) => conv2d(x, w, options),
          inputs: () => [normal(xs), normal(fs)],
        },
        {
          name: `conv2dBackpropInput ${name}`,
          f: (u: Tensor, w: Tensor) => conv2dBackpropInput(u, w, { ...attrs, inputShape: xs }),
          inputs: () => [normal(ys), normal(fs)],
        },
        {
          name: `conv2dBackpropFilter ${name}`,
          f: (x: Tensor, u: Tensor) => conv2dBackpropFilter(x, u, { ...attrs, filterShape: fs }),
          inputs: () => [normal(xs), normal(ys)],
        },
      ];
    }),
  );
});

describe('pooling and its backward kernels', () => {
  const pools: [Shape, Pool2DOptions][] = [
    [[1, 4, 4, 2], { windowSize: 2 }],
    [[2, 5, 5, 1], { windowSize: 3, strides: 1, padding: 'same' }],
    [[1, 4, 6, 2], { windowSize: [2, 3], strides: [1, 2] }],
    [[1, 5, 5, 1], { windowSize: 2, strides: 2, padding: 'same' }],
    [[1, 3, 3, 1], { windowSize: 3, strides: 2, padding: 1, countIncludePad: true }],
    [[1, 3, 3, 1], { windowSize: 3, strides: 2, padding: 1 }],
  ];
  gradChecks(
    pools.flatMap(([xs, options]) => {
      const name = `${fmt(xs)} ${JSON.stringify(options)}`;
      const attrs = attrsOf<Pool2DAttrs>(rt, () => maxPool(normal(xs), options));
      const avgAttrs: AvgPoolBackwardAttrs = {
        ...attrsOf<Pool2DAttrs>(rt, () => avgPool(normal(xs), options)),
        inputShape: xs,
      };
      const ys = rt.tidy(() => maxPool(normal(xs), options).shape);
      return [
        { name: `maxPool ${name}`, f: (x: Tensor) => maxPool(x, options), inputs: () => [normal(xs)] },
        { name: `avgPool ${name}`, f: (x: Tensor) => avgPool(x, options), inputs: () => [normal(xs)] },
        {
          name: `maxPoolBackward ${name}`,
          f: (u: Tensor, x: Tensor) => maxPoolBackward(u, x, attrs),
          inputs: () => [normal(ys), normal(xs)],
        },
        {
          name: `avgPoolBackward ${name}`,
          f: (u: Tensor) => avgPoolBackward(u, avgAttrs),
          inputs: () => [normal(ys)],
        },
      ];
    }),
  );
});

// Runs last: every rule that can return a gradient was exercised by a gradCheck above.
it('gradient-checks every differentiable primitive', () => {
  const skipped: readonly string[] = nonDifferentiableOps;
  const missing = primitiveOps.map((d) => d.name).filter((op) => !skipped.includes(op) && !exercised.has(op));
  expect(missing).toEqual([]);
});
