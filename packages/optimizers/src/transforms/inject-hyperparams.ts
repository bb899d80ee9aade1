import {
  checkFunction,
  checkOptions,
  describeValue,
  InvalidArgumentError,
  type ParamTree,
} from '@descent/core';
import type { GradientTransform, OptState, Schedule } from '../gradient-transform';
import { applyStep } from '../internal/apply-step';
import { type Constraint, checkHyperparam } from '../internal/hyperparams';
import { checkParamPaths, leavesOf, withLeafCache } from '../internal/leaves';

/** The range a hyperparameter must lie in: `>= 0`, `> 0`, `[0, 1)`, `[0, 1]` or any finite number. */
export type HyperparamRange = Constraint;

/**
 * The state of `injectHyperparams`: the step count, the hyperparameters' current values (plain
 * numbers a callback may change with `setHyperparams`) and the inner transform's state.
 */
export type HyperparamState = {
  /** Updates made so far. */
  readonly count: number;
  /** The hyperparameters' current values, by name. */
  readonly hyperparams: { readonly [name: string]: number };
  /** The inner transform's state. */
  readonly inner: OptState;
};

/** Options of `injectHyperparams`. */
export interface InjectHyperparamsOptions<H extends string> {
  /** Names the transform in errors. Default 'injectHyperparams'. */
  readonly name?: string;
  /** The range of each hyperparameter, checked when given, each step, and after a schedule. Default: finite. */
  readonly ranges?: { readonly [K in H]?: HyperparamRange };
}

/**
 * Holds numeric hyperparameters in the state (Optax's `inject_hyperparams`), so a schedule or a
 * callback can change them while training. Each value is a number (kept in state, changed with
 * `setHyperparams`) or a schedule (evaluated at every step, the step counting from 0). `build`
 * makes the inner transform from the current values; the structure of its state must not depend
 * on them. Every named optimizer is built this way.
 *
 * @example
 * const tx = injectHyperparams(
 *   (h) => chain(scaleByAdam({ beta1: h.beta1 }), scaleByLearningRate(h.learningRate)),
 *   { learningRate: 1e-3, beta1: 0.9 },
 *   { ranges: { learningRate: 'nonNegative', beta1: 'unitInterval' } },
 * );
 * let state = tx.init(params);
 * state = setHyperparams(state, { learningRate: 1e-4 }); // e.g. from a reduce-on-plateau callback
 */
export function injectHyperparams<H extends string>(
  build: (values: { readonly [K in H]: number }, step: number) => GradientTransform,
  hyperparams: { readonly [K in H]: number | Schedule },
  options: InjectHyperparamsOptions<H> = {},
): GradientTransform<HyperparamState> {
  checkOptions('injectHyperparams', options);
  const name = options.name ?? 'injectHyperparams';
  checkFunction(name, 'build', build);
  if (hyperparams === null || typeof hyperparams !== 'object' || Array.isArray(hyperparams))
    throw new InvalidArgumentError(
      name,
      `expected hyperparams { name: number | schedule }, got ${describeValue(hyperparams)}`,
    );
  const names = Object.keys(hyperparams) as H[];
  const rangeOf = (k: H): Constraint => options.ranges?.[k] ?? 'finite';
  for (const k of names) {
    const v = hyperparams[k];
    if (typeof v !== 'function') checkHyperparam(name, k, v, rangeOf(k));
  }
  const valuesAt = (
    step: number,
    stored: { readonly [name: string]: number } | undefined,
    paths: string[],
    doing: 'updating' | 'initializing',
  ) =>
    Object.fromEntries(
      names.map((k) => {
        const v = hyperparams[k];
        const scheduled = typeof v === 'function';
        const value = scheduled ? v(step) : stored ? stored[k] : v;
        return [k, checkHyperparam(name, k, value, rangeOf(k), { step, scheduled, paths, doing })];
      }),
    ) as { [K in H]: number };
  return {
    init(params) {
      const values = valuesAt(
        0,
        undefined,
        leavesOf(name, params).map((l) => l.path),
        'initializing',
      );
      return { count: 0, hyperparams: values, inner: build(values, 0).init(params) };
    },
    update(updates, state, params) {
      return withLeafCache(() =>
        step(updates, state, params, (inner, innerState) => inner.update(updates, innerState, params)),
      );
    },
    // The inner transform's fused apply where it has one (adam's chain does).
    apply(params, updates, state) {
      return withLeafCache(() =>
        step(updates, state, params, (inner, innerState) => applyStep(inner, params, updates, innerState)),
      );
    },
  };

  /** Checks the state, builds the inner transform for this step's values and runs `run` on it. */
  function step(
    updates: ParamTree,
    state: HyperparamState,
    params: ParamTree | undefined,
    run: (inner: GradientTransform, innerState: OptState) => [ParamTree, OptState],
  ): [ParamTree, HyperparamState] {
    if (
      state === null ||
      typeof state !== 'object' ||
      typeof state.count !== 'number' ||
      state.hyperparams === null ||
      typeof state.hyperparams !== 'object'
    ) {
      throw new InvalidArgumentError(name, 'state has no hyperparameters; pass the state init returned');
    }
    const paths = leavesOf(name, updates, 'gradient').map((l) => l.path);
    if (params !== undefined) checkParamPaths(name, leavesOf(name, params), paths);
    const values = valuesAt(state.count, state.hyperparams, paths, 'updating');
    const [out, s] = run(build(values, state.count), state.inner);
    return [out, { count: state.count + 1, hyperparams: values, inner: s }];
  }
}
