import {
  type AdamUpdateAttrs,
  adamApply,
  adamUpdate,
  adamUpdateOp,
  DTypeError,
  dense,
  denseOp,
  type FusedOpDef,
  InvalidArgumentError,
  type Runtime,
  relu,
  reluGrad,
  reluGradOp,
  reluOp,
  ShapeError,
  softmaxCrossEntropy,
  softmaxCrossEntropyGrad,
  softmaxCrossEntropyGradOp,
  softmaxCrossEntropyOp,
  type Tensor,
} from '@descent/core';
import { expect } from 'vitest';
import {
  bool,
  type ConformanceCase,
  custom,
  error,
  f32,
  i32,
  type TensorSpec,
  value,
  vec,
} from '../internal/case';
import { expectClose } from '../internal/expect-close';
import { ARITH } from '../internal/tolerances';
import { values as uniform } from '../optimizer-conformance/problem';

const NaN = Number.NaN;
const Inf = Infinity;

/** The fused ops of core; each must have a case (see the coverage check). */
export const FUSED_NAMES = [
  'adamUpdate',
  'dense',
  'relu',
  'reluGrad',
  'softmaxCrossEntropy',
  'softmaxCrossEntropyGrad',
];

const OUTPUTS = ['update', 'mu', 'nu', 'vMax'] as const;

/** Adam's attributes at step `t` (bias corrections from the betas), as the optimizer passes them. */
export const adamAttrs = (
  t: number,
  amsgrad = false,
  beta1 = 0.9,
  beta2 = 0.999,
  eps = 1e-8,
): AdamUpdateAttrs => ({
  beta1,
  beta2,
  eps,
  biasCorrection1: 1 - beta1 ** t,
  biasCorrection2Sqrt: Math.sqrt(1 - beta2 ** t),
  amsgrad,
});

/**
 * Adam's step from its definition (Kingma & Ba 2015, PyTorch's AMSGrad), in double: the
 * independent reference for the hand cases and the property suite.
 */
export function adamReference(
  g: readonly number[],
  mu: readonly number[],
  nu: readonly number[],
  a: AdamUpdateAttrs,
  vMax?: readonly number[],
): Record<(typeof OUTPUTS)[number], number[]> {
  const m = g.map((gi, i) => a.beta1 * mu[i]! + (1 - a.beta1) * gi);
  const v = g.map((gi, i) => a.beta2 * nu[i]! + (1 - a.beta2) * gi * gi);
  const vm = vMax
    ? v.map((vi, i) => (Number.isNaN(vi) || Number.isNaN(vMax[i]!) ? NaN : Math.max(vi, vMax[i]!)))
    : v;
  const update = m.map(
    (mi, i) => mi / a.biasCorrection1 / (Math.sqrt(vm[i]!) / a.biasCorrection2Sqrt + a.eps),
  );
  return { update, mu: m, nu: v, vMax: vm };
}

/**
 * Runs `op` as the backend's fused kernel (or its composite, where the backend has none) and as
 * its composite, reads both back with `data()` (GPU backends read asynchronously) and compares.
 */
async function fusedVsComposite<A>(
  rt: Runtime,
  op: FusedOpDef<A>,
  inputs: Tensor[],
  attrs: A,
  tol: { rtol: number; atol: number },
  label: string,
): Promise<void> {
  const [fused, composite] = rt.tidy(() => [rt.runFused(op, inputs, attrs), op.fallback(inputs, attrs)]);
  try {
    expect(fused!.length).toBe(composite!.length);
    for (const [k, f] of fused!.entries())
      expectClose(await f.data(), await composite![k]!.data(), { ...tol, label: `${label} output ${k}` });
  } finally {
    rt.dispose([fused, composite]);
  }
}

/**
 * One value case per output of an Adam step on the given inputs; with `param` (and
 * `a.applyScale`), of the applied step `adamApply`, whose first output is the new parameter.
 */
function adamCases(
  name: string,
  shape: number[],
  g: number[],
  mu: number[],
  nu: number[],
  a: AdamUpdateAttrs,
  vMax?: number[],
  param?: number[],
): ConformanceCase[] {
  const want = adamReference(g, mu, nu, a, vMax);
  const scale = a.applyScale ?? 1;
  const first = param ? want.update.map((u, i) => param[i]! + scale * u) : want.update;
  const inputs: TensorSpec[] = [
    f32(shape, g),
    f32(shape, mu),
    f32(shape, nu),
    ...(vMax ? [f32(shape, vMax)] : []),
    ...(param ? [f32(shape, param)] : []),
  ];
  const run = (ts: Tensor[]): Partial<Record<(typeof OUTPUTS)[number], Tensor>> => {
    const [gt, mt, nt] = ts;
    const vt = a.amsgrad ? { vMax: ts[3]! } : {};
    if (!param) return adamUpdate(gt!, mt!, nt!, { ...a, ...vt });
    const r = adamApply(ts.at(-1)!, gt!, mt!, nt!, { ...a, applyScale: scale, ...vt });
    return { ...r, update: r.param };
  };
  return OUTPUTS.slice(0, a.amsgrad ? 4 : 3).map((out) =>
    value(
      'adamUpdate',
      `${name}: ${out === 'update' && param ? 'param' : out}`,
      inputs,
      (ts) => run(ts)[out]!,
      f32(shape, out === 'update' ? first : want[out]),
      ARITH,
    ),
  );
}

/** Seeded values for the fused-vs-composite comparison: wide magnitudes, both signs, zeros. */
function values(n: number, seed: number, scale: number, positive = false): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, (_, i) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    if (i % 17 === 0) return 0;
    const u = s / 2 ** 32;
    const mag = scale * 10 ** (6 * u - 3);
    return positive || u < 0.5 ? mag : -mag;
  });
}

export function fusedCases(): ConformanceCase[] {
  return [
    ...adamUpdateCases(),
    ...denseCases(),
    ...reluCases(),
    ...softmaxCrossEntropyCases(),
    ...softmaxCrossEntropyGradCases(),
  ];
}

function denseCases(): ConformanceCase[] {
  const x = f32([2, 3], [1, -2, 0.5, 0, 3, -1]);
  const w = f32([3, 2], [0.5, -1, -2, 0.25, -1, 1]);
  // x·w = [[4, -1], [-5, -0.25]], written out; + [0.1, 1] = [[4.1, 0], [-4.9, 0.75]].
  const b = vec([0.1, 1]);
  return [
    value(
      'dense',
      'linear with a bias',
      [x, w, b],
      ([a, k, c]) => dense(a!, k!, c),
      f32([2, 2], [4.1, 0, -4.9, 0.75]),
      ARITH,
    ),
    value(
      'dense',
      'relu with a bias: 0 stays 0, negatives become 0',
      [x, w, b],
      ([a, k, c]) => dense(a!, k!, c, { activation: 'relu' }),
      f32([2, 2], [4.1, 0, 0, 0.75]),
      ARITH,
    ),
    value(
      'dense',
      'relu without a bias',
      [x, w],
      ([a, k]) => dense(a!, k!, undefined, { activation: 'relu' }),
      f32([2, 2], [4, 0, 0, 0]),
      ARITH,
    ),
    // NaN passes ReLU; -Infinity becomes 0, +Infinity stays.
    value(
      'dense',
      'NaN and infinities through the bias',
      [f32([1, 1], [1]), f32([1, 3], [1, 1, 1]), vec([NaN, -Inf, Inf])],
      ([a, k, c]) => dense(a!, k!, c, { activation: 'relu' }),
      f32([1, 3], [NaN, 0, Inf]),
    ),
    // k = 0: the product is zeros, so the output is the bias on every row.
    value(
      'dense',
      'empty inner axis',
      [f32([2, 0], []), f32([0, 2], []), vec([-1, 2])],
      ([a, k, c]) => dense(a!, k!, c, { activation: 'relu' }),
      f32([2, 2], [0, 2, 0, 2]),
    ),
    value('dense', 'no rows', [f32([0, 3], []), w, b], ([a, k, c]) => dense(a!, k!, c), f32([0, 2], [])),
    custom(
      'dense',
      'the backend agrees with the composite on [67, 150] · [150, 37], with and without bias and ReLU',
      async ({ rt }) => {
        // Past the CPU backend's WASM thresholds (GEMM work, 1,024 elements), 37 units not a
        // multiple of its four lanes, and values of both signs so ReLU cuts about half.
        const [xs, ks, bs] = [[67, 150], [150, 37], [37]].map((shape, seed) =>
          rt.tensor(
            uniform(
              seed + 1,
              shape.reduce((p, d) => p * d, 1),
            ),
            shape,
          ),
        ) as [Tensor, Tensor, Tensor];
        try {
          for (const activation of ['linear', 'relu'] as const)
            for (const inputs of [
              [xs, ks, bs],
              [xs, ks],
            ])
              await fusedVsComposite(
                rt,
                denseOp,
                inputs,
                { activation },
                { rtol: 1e-5, atol: 1e-5 },
                `${activation}, ${inputs.length === 3 ? 'bias' : 'no bias'}`,
              );
        } finally {
          rt.dispose([xs, ks, bs]);
        }
      },
    ),
    error(
      'dense',
      'kernel rows not x columns',
      [x, f32([2, 2], [1, 2, 3, 4])],
      ([a, k]) => dense(a!, k!),
      ShapeError,
    ),
    error(
      'dense',
      'a bias not one per unit',
      [x, w, vec([1, 2, 3])],
      ([a, k, c]) => dense(a!, k!, c),
      ShapeError,
    ),
    error(
      'dense',
      'x of rank 3',
      [f32([1, 2, 3], [1, 2, 3, 4, 5, 6]), w],
      ([a, k]) => dense(a!, k!),
      ShapeError,
    ),
    error('dense', 'int32 x', [i32([1, 3], [1, 2, 3]), w], ([a, k]) => dense(a!, k!), DTypeError),
    error(
      'dense',
      'an activation it does not fuse',
      [x, w],
      ([a, k]) => dense(a!, k!, undefined, { activation: 'tanh' as 'relu' }),
      InvalidArgumentError,
    ),
  ];
}

function reluCases(): ConformanceCase[] {
  // No subnormals here: GPUs may flush them (the CPU's are covered by the property suite).
  const x = [-2, -0, 0, 1e-30, 3, NaN, Inf, -Inf, -1e-30];
  return [
    // Bit for bit: -0 becomes +0, a tiny normal stays, NaN passes (relu's composite cases are in composites).
    value(
      'relu',
      'signed zeros, subnormals and infinities',
      [vec(x)],
      ([t]) => relu(t!),
      vec([0, 0, 0, 1e-30, 3, NaN, Inf, 0, 0]),
    ),
    value(
      'relu',
      'int32 extremes',
      [i32([3], [-2147483648, 2147483647, 0])],
      ([t]) => relu(t!),
      i32([3], [0, 2147483647, 0]),
    ),
    // Slope 0 at 0 and below, 1 above; NaN inputs pass the gradient on, as the composite's select does.
    value(
      'reluGrad',
      'dy where x > 0',
      [vec([5, 5, 5, 5, 5, 5, 5]), vec([-1, -0, 0, 2, NaN, Inf, -Inf])],
      ([dy, t]) => reluGrad(dy!, t!),
      vec([0, 0, 0, 5, 5, 5, 0]),
    ),
    value(
      'reluGrad',
      'zero-size',
      [f32([0, 2], []), f32([0, 2], [])],
      ([dy, t]) => reluGrad(dy!, t!),
      f32([0, 2], []),
    ),
    custom(
      'relu',
      'relu and reluGrad agree with their composites bit for bit on 9,003 values',
      async ({ rt }) => {
        // Past the CPU backend's WASM threshold (8,192), not a multiple of its four lanes, with
        // -0, NaN, ±Infinity and a subnormal at every lane position.
        const specials = [-0, NaN, Inf, -Inf, 1e-40, -1e-40];
        const x = values(9003, 8, 1).map((v, i) => (i % 97 < 6 ? specials[i % 97]! : v));
        const [a, b] = [x, values(9003, 9, 1)].map((xs) => rt.tensor(Float32Array.from(xs), [9003])) as [
          Tensor,
          Tensor,
        ];
        try {
          await fusedVsComposite(rt, reluOp, [a], {}, { rtol: 0, atol: 0 }, 'relu');
          await fusedVsComposite(rt, reluGradOp, [b, a], {}, { rtol: 0, atol: 0 }, 'reluGrad');
        } finally {
          rt.dispose([a, b]);
        }
      },
    ),
    error(
      'reluGrad',
      'x of another shape',
      [vec([1, 2]), vec([1])],
      ([dy, t]) => reluGrad(dy!, t!),
      ShapeError,
    ),
    error('relu', 'a bool input', [bool([1], [1])], ([t]) => relu(t!), DTypeError),
  ];
}

function softmaxCrossEntropyCases(): ConformanceCase[] {
  const run = ([z, t]: Tensor[]) => softmaxCrossEntropy(z!, t!);
  const L = Math.log;
  return [
    // -Σ t·(z - log Σ e^z), written out.
    value(
      'softmaxCrossEntropy',
      'one-hot rows',
      [f32([2, 3], [1, 2, 3, 0, 0, 0]), f32([2, 3], [0, 0, 1, 1, 0, 0])],
      run,
      vec([L(Math.E + Math.E ** 2 + Math.E ** 3) - 3, L(3)]),
      ARITH,
    ),
    value(
      'softmaxCrossEntropy',
      'soft targets',
      [f32([1, 2], [0, Math.log(3)]), f32([1, 2], [0.5, 0.5])],
      run,
      vec([L(4) - 0.5 * L(3)]),
      ARITH,
    ),
    // Shifted by the max: logits of ±1e4 give finite losses (the naive formula overflows).
    value(
      'softmaxCrossEntropy',
      'extreme logits stay finite',
      [f32([2, 2], [1e4, -1e4, 1e4, -1e4]), f32([2, 2], [1, 0, 0, 1])],
      run,
      vec([0, 2e4]),
      ARITH,
    ),
    value(
      'softmaxCrossEntropy',
      'rank 1: one row',
      [vec([0, 0, 0, 0]), vec([0, 1, 0, 0])],
      run,
      f32([], [L(4)]),
      ARITH,
    ),
    value('softmaxCrossEntropy', 'no rows', [f32([0, 3], []), f32([0, 3], [])], run, f32([0], [])),
    // NaN in a row poisons that row only; a zero target on a -Infinity logit is 0·-Inf = NaN, as in PyTorch.
    value(
      'softmaxCrossEntropy',
      'NaN and -Infinity',
      [f32([3, 2], [NaN, 0, -Inf, 0, 0, 0]), f32([3, 2], [0, 1, 0, 1, 1, 0])],
      run,
      vec([NaN, NaN, L(2)]),
      ARITH,
    ),
    custom(
      'softmaxCrossEntropy',
      'the backend agrees with the composite on 257 rows of 10',
      async ({ rt }) => {
        const [z, t] = [values(2570, 5, 10), values(2570, 6, 1, true)].map((xs) =>
          rt.tensor(Float32Array.from(xs), [257, 10]),
        ) as [Tensor, Tensor];
        try {
          await fusedVsComposite(rt, softmaxCrossEntropyOp, [z, t], {}, { rtol: 1e-5, atol: 1e-4 }, 'losses');
        } finally {
          rt.dispose([z, t]);
        }
      },
    ),
    error(
      'softmaxCrossEntropy',
      'targets of another shape',
      [f32([2, 3], [0, 0, 0, 0, 0, 0]), vec([1, 0, 0])],
      run,
      ShapeError,
    ),
    error('softmaxCrossEntropy', 'int32 targets', [vec([0, 0]), i32([2], [1, 0])], run, DTypeError),
    error('softmaxCrossEntropy', 'scalar logits', [f32([], [1]), f32([], [1])], run, ShapeError),
  ];
}

function softmaxCrossEntropyGradCases(): ConformanceCase[] {
  const run = ([z, t, dy]: Tensor[]) => softmaxCrossEntropyGrad(z!, t!, dy!);
  const name = 'softmaxCrossEntropyGrad';
  return [
    // softmax([0, ln 3]) = [1/4, 3/4]; (softmax·Σt − t)·dy written out.
    value(
      name,
      'one-hot row, dy 2',
      [f32([1, 2], [0, Math.log(3)]), f32([1, 2], [1, 0]), vec([2])],
      run,
      f32([1, 2], [-1.5, 1.5]),
      ARITH,
    ),
    value(
      name,
      'targets summing to 2',
      [f32([2, 2], [0, 0, 0, Math.log(3)]), f32([2, 2], [2, 0, 1, 1]), vec([1, -1])],
      run,
      f32([2, 2], [-1, 1, 0.5, -0.5]),
      ARITH,
    ),
    // Shifted by the max: logits of ±1e4 give softmax [1, 0], not NaN.
    value(
      name,
      'extreme logits stay finite',
      [f32([1, 2], [1e4, -1e4]), f32([1, 2], [0, 1]), vec([1])],
      run,
      f32([1, 2], [1, -1]),
      ARITH,
    ),
    value(
      name,
      'rank 1: one row',
      [vec([0, 0, 0, 0]), vec([0, 1, 0, 0]), f32([], [4])],
      run,
      vec([1, -3, 1, 1]),
      ARITH,
    ),
    value(name, 'no rows', [f32([0, 3], []), f32([0, 3], []), f32([0], [])], run, f32([0, 3], [])),
    // NaN and +Infinity poison their row (softmax's z − max is NaN there); a -Infinity logit has probability 0.
    value(
      name,
      'NaN and ±Infinity',
      [f32([3, 2], [NaN, 0, -Inf, 0, Inf, 0]), f32([3, 2], [0, 1, 0, 1, 1, 0]), vec([1, 1, 1])],
      run,
      f32([3, 2], [NaN, NaN, 0, 0, NaN, NaN]),
      ARITH,
    ),
    custom(name, 'the backend agrees with the composite on 257 rows of 10', async ({ rt }) => {
      // Target rows that sum to 1 (distributions), so softmax − t does not cancel thousands.
      const raw = values(2570, 6, 1, true);
      const targets = raw.map(
        (v, i) => v / raw.slice(i - (i % 10), i - (i % 10) + 10).reduce((a, b) => a + b, 0),
      );
      const [z, t] = [values(2570, 5, 10), targets].map((xs) =>
        rt.tensor(Float32Array.from(xs), [257, 10]),
      ) as [Tensor, Tensor];
      const dy = rt.tensor(Float32Array.from(values(257, 7, 1)), [257]);
      try {
        await fusedVsComposite(
          rt,
          softmaxCrossEntropyGradOp,
          [z, t, dy],
          {},
          { rtol: 1e-5, atol: 1e-6 },
          'dz',
        );
      } finally {
        rt.dispose([z, t, dy]);
      }
    }),
    error(
      name,
      'dy not one per row',
      [f32([2, 3], [0, 0, 0, 0, 0, 0]), f32([2, 3], [1, 0, 0, 0, 1, 0]), vec([1, 1, 1])],
      run,
      ShapeError,
    ),
    error(
      name,
      'targets of another shape',
      [f32([2, 3], [0, 0, 0, 0, 0, 0]), vec([1, 0, 0]), vec([1, 1])],
      run,
      ShapeError,
    ),
    error(name, 'int32 dy', [vec([0, 0]), vec([1, 0]), i32([], [1])], run, DTypeError),
  ];
}

function adamUpdateCases(): ConformanceCase[] {
  const t1 = adamAttrs(1);
  return [
    // t = 1 from zero moments: update = g / (|g| + eps), the sign of g for |g| ≫ eps.
    ...adamCases(
      'first step from zero moments',
      [6],
      [1, -2, 0.5, 0, 3e-3, -1e-6],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      t1,
    ),
    ...adamCases(
      'step 3 with moments',
      [2, 3],
      [0.3, -0.1, 2, 0, -5, 1e-3],
      [0.05, -0.2, 1, 0.01, -0.5, 0],
      [0.01, 0.04, 2, 1e-4, 3, 1e-8],
      adamAttrs(3, false, 0.8, 0.99, 1e-6),
    ),
    ...adamCases('scalar', [], [0.7], [0.1], [0.2], adamAttrs(1000)),
    ...adamCases('zero-size', [0, 3], [], [], [], t1),
    ...adamCases(
      'amsgrad keeps the larger second moment',
      [4],
      [0.1, 1, -3, 0.01],
      [0, 0.5, -1, 0],
      [0.5, 0.01, 4, 0],
      adamAttrs(2, true),
      [2, 0, 1, 1e-6],
    ),
    // NaN propagates to every output; an infinite gradient makes moments infinite and the update NaN (Inf/Inf).
    ...adamCases('NaN and Infinity', [3], [NaN, Inf, -Inf], [0, 0, 0], [0, 0, 0], t1),
    // Applied (adamApply): the learning rate and the parameter update in the same pass.
    ...adamCases(
      'applied with lr 1e-2',
      [5],
      [1, -2, 0.5, 0, 3e-3],
      [0.05, -0.2, 1, 0.01, 0],
      [0.01, 0.04, 2, 1e-4, 3],
      { ...adamAttrs(3), applyScale: -1e-2 },
      undefined,
      [0.5, -1, 0, 2, -3e-3],
    ),
    ...adamCases(
      'applied with amsgrad',
      [4],
      [0.1, 1, -3, 0.01],
      [0, 0.5, -1, 0],
      [0.5, 0.01, 4, 0],
      { ...adamAttrs(2, true), applyScale: -0.1 },
      [2, 0, 1, 1e-6],
      [1, 2, 3, 4],
    ),
    custom(
      'adamUpdate',
      'the backend agrees with the composite on 9,001 values, with and without AMSGrad, applied or not',
      async ({ rt }) => {
        // Past the CPU backend's WASM threshold (8,192), and not a multiple of its four lanes.
        const n = 9001;
        const make = (xs: number[]) => rt.tensor(Float32Array.from(xs), [n]);
        // Specials in the gradient: NaN and ±Infinity go through every lane position.
        const grads = values(n, 1, 1).map((x, i) => [x, NaN, Inf, -Inf][i % 103 < 4 ? i % 103 : 0]!);
        const [g, mu, nu, vMax, p] = [
          grads,
          values(n, 2, 0.1),
          values(n, 3, 0.01, true),
          values(n, 4, 0.01, true),
          values(n, 5, 1),
        ].map(make) as [Tensor, Tensor, Tensor, Tensor, Tensor];
        try {
          for (const t of [1, 7, 10_000]) {
            for (const amsgrad of [false, true]) {
              for (const applyScale of [undefined, -1e-3]) {
                const a = { ...adamAttrs(t, amsgrad, 0.9, 0.999, 1e-7), applyScale };
                const inputs = [g, mu, nu, ...(amsgrad ? [vMax] : []), ...(applyScale ? [p] : [])];
                const label = `t=${t} amsgrad=${amsgrad} applyScale=${applyScale}`;
                await fusedVsComposite(rt, adamUpdateOp, inputs, a, ARITH, label);
              }
            }
          }
        } finally {
          rt.dispose([g, mu, nu, vMax, p]);
        }
      },
    ),
    error(
      'adamUpdate',
      'moments of another shape',
      [vec([1, 2]), vec([0]), vec([0, 0])],
      ([g, m, v]) => adamUpdate(g!, m!, v!, t1),
      ShapeError,
    ),
    error(
      'adamUpdate',
      'an int32 gradient',
      [i32([2], [1, 2]), vec([0, 0]), vec([0, 0])],
      ([g, m, v]) => adamUpdate(g!, m!, v!, t1),
      DTypeError,
    ),
    error(
      'adamUpdate',
      'amsgrad without vMax',
      [vec([1]), vec([0]), vec([0])],
      ([g, m, v]) => adamUpdate(g!, m!, v!, { ...t1, amsgrad: true }),
      InvalidArgumentError,
    ),
    error(
      'adamUpdate',
      'a NaN hyperparameter',
      [vec([1]), vec([0]), vec([0])],
      ([g, m, v]) => adamUpdate(g!, m!, v!, { ...t1, beta1: NaN }),
      InvalidArgumentError,
    ),
  ];
}
