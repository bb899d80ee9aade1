import {
  add,
  flattenParams,
  mul,
  type ParamTree,
  type Runtime,
  square,
  sub,
  sum,
  type Tensor,
  unflattenParams,
} from '@descent/core';

/** The parameter tree every check uses: nested objects, a matrix, a vector and a scalar. */
export type Params = {
  dense: { kernel: Tensor; bias: Tensor };
  scale: Tensor;
};

const SHAPES: Record<string, number[]> = { 'dense/kernel': [3, 2], 'dense/bias': [2], scale: [] };

/** Deterministic values in [-1, 1) (a small LCG): the kit needs no RNG of the runtime. */
export function values(seed: number, n: number): Float32Array {
  let s = (seed * 2654435761) >>> 0 || 1;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 2 - 1;
  });
}

/** A tree of the kit's shape with values from `seed`. */
export function makeTree(rt: Runtime, seed: number, scaleBy = 1): Params {
  const t = (path: string, k: number) => {
    const shape = SHAPES[path]!;
    const n = shape.reduce((a, b) => a * b, 1);
    return rt.tensor(
      values(seed * 31 + k, n).map((v) => v * scaleBy),
      shape,
    );
  };
  return { dense: { kernel: t('dense/kernel', 1), bias: t('dense/bias', 2) }, scale: t('scale', 3) };
}

/** The same tree with the object keys in reverse order: paths equal, positions not. */
export function reversed(tree: Params): ParamTree {
  return { scale: tree.scale, dense: { bias: tree.dense.bias, kernel: tree.dense.kernel } };
}

/**
 * The convex quadratic `½ Σ a·(x - c)²` over every parameter (curvatures `a` in [0.5, 2]);
 * its gradient `a·(x - c)` is written out, so the kit needs no autograd.
 */
export function quadratic(rt: Runtime) {
  const curv = makeTree(rt, 7);
  const target = makeTree(rt, 8);
  const a = flattenParams('quadratic', curv).map(({ tensor }) => rt.tidy(() => add(mul(tensor, 0.75), 1.25)));
  rt.dispose(curv);
  const c = flattenParams('quadratic', target).map((l) => l.tensor);
  return {
    async loss(x: Params): Promise<number> {
      const total = rt.tidy(() => {
        const terms = flattenParams('quadratic', x).map(({ tensor }, i) =>
          sum(mul(a[i]!, square(sub(tensor, c[i]!)))),
        );
        return mul(
          terms.reduce((p, q) => add(p, q)),
          0.5,
        );
      });
      const value = (await total.data())[0]!;
      total.dispose();
      return value;
    },
    grad(x: Params): Params {
      return rt.tidy(() =>
        unflattenParams(
          x,
          flattenParams('quadratic', x).map(({ tensor }, i) => mul(a[i]!, sub(tensor, c[i]!))),
        ),
      );
    },
    dispose(): void {
      rt.dispose([a, c]);
    },
  };
}
