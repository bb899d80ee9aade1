import {
  checkFunction,
  checkOptions,
  describeValue,
  InvalidArgumentError,
  type ParamTree,
  type Tensor,
  unflattenParams,
  zerosLike,
} from '@descent/core';
import type { GradientTransform, PerParam } from './gradient-transform';
import {
  checkPaths,
  checkShape,
  checkSlotState,
  type Leaf,
  leavesOf,
  own,
  paramsByPath,
  tidyTree,
} from './internal/leaves';
import { scalar } from './internal/scalar';

/** A step count, the per-parameter slots by name, and any numbers the transform keeps. */
export type SlotState<N extends string, E extends Record<string, number> = Record<never, number>> = {
  /** Updates made so far. */
  readonly count: number;
} & { readonly [K in N]: PerParam } & E;

/** What `step` sees for one parameter. */
export interface StepContext<E> {
  /** The step being taken, 1 for the first update. */
  readonly t: number;
  /** The parameter's path. */
  readonly path: string;
  /** The parameter (only when the transform asked for parameters). */
  readonly param: Tensor | undefined;
  /** The numbers kept in state, before and after `advance`. */
  readonly before: E;
  /** The kept numbers after `advance` for this step. */
  readonly after: E;
  /** A scalar on the gradient's backend at its precision. */
  scalar(value: number): Tensor;
}

/** How `perParameter` builds a transform. */
export interface PerParameterSpec<N extends string, E extends Record<string, number>> {
  /** Names the transform in errors. */
  readonly name: string;
  /** The per-parameter tensors the state keeps (moments, accumulators), each keyed by parameter path. */
  readonly slots: readonly N[];
  /** Initial value of a slot for a parameter; zeros by default. */
  initSlot?(slot: N, param: Tensor): Tensor;
  /** Numbers kept in state beside the count, with their initial values. */
  readonly extra?: E;
  /** The kept numbers after step `t` (1-based). */
  advance?(t: number, extra: E): E;
  /** Whether `update` needs the parameters (decoupled weight decay). */
  readonly needsParams?: boolean;
  /** One parameter's update and new slots; runs inside a `tidy`. */
  step(
    g: Tensor,
    slots: { readonly [K in N]: Tensor },
    ctx: StepContext<E>,
  ): {
    /** The parameter's update. */
    update: Tensor;
    /** The new value of every slot. */
    slots: { [K in N]: Tensor };
  };
  /**
   * Optional fused form of `step`: the new parameter `param + scale · update` and the same new
   * slots, in fewer passes (a fused op). Gives the transform `applyScaled`, so a chain ending in
   * a learning rate applies the step in one go (see `GradientTransform.apply`).
   */
  applyStep?(
    param: Tensor,
    g: Tensor,
    slots: { readonly [K in N]: Tensor },
    ctx: StepContext<E>,
    scale: number,
  ): {
    /** The new parameter. */
    param: Tensor;
    /** The new value of every slot. */
    slots: { [K in N]: Tensor };
  };
}

/**
 * Builds a transform from the update rule of one parameter: how the built-in building blocks
 * (`scaleByAdam`, `trace`, ...) are written, and how a custom optimizer should be. The state is
 * `{ count, ...extra, [slot]: { [path]: tensor } }`; `step` gets one gradient and its slots and
 * returns the update and the new slots. Everything else is done here and keeps the
 * `GradientTransform` contract: gradients are matched to the state by path (a mismatch throws a
 * `ParamMismatchError` naming it) and shape, `step` runs inside a `tidy`, returned tensors that
 * are inputs get fresh handles, and updates come back in the structure of the gradients.
 *
 * @example
 * // sign-SGD with momentum (signum): m = β·m + (1-β)·g, update sign(m)
 * const signum = (beta = 0.9) =>
 *   perParameter({
 *     name: 'signum',
 *     slots: ['m'],
 *     step(g, { m }, { scalar }) {
 *       const next = add(mul(m, scalar(beta)), mul(g, scalar(1 - beta)));
 *       return { update: sign(next), slots: { m: next } };
 *     },
 *   });
 * const tx = chain(signum(), scaleByLearningRate(1e-3));
 */
export function perParameter<N extends string, E extends Record<string, number> = Record<never, number>>(
  spec: PerParameterSpec<N, E>,
): GradientTransform<SlotState<N, E>> {
  checkSpec(spec);
  const { name, slots } = spec;
  const extra0 = (spec.extra ?? {}) as E;
  return {
    init(params) {
      const leaves = leavesOf(name, params);
      const made = (rtLeaves: readonly Leaf[]) =>
        Object.fromEntries(
          slots.map((slot) => [
            slot,
            Object.fromEntries(
              rtLeaves.map(({ path, tensor }) => [
                path,
                spec.initSlot ? spec.initSlot(slot, tensor) : zerosLike(tensor),
              ]),
            ),
          ]),
        );
      const perSlot = leaves[0] ? tidyTree(leaves[0].tensor.runtime, () => made(leaves)) : made([]);
      return { count: 0, ...extra0, ...perSlot } as SlotState<N, E>;
    },

    update(updates, state, params) {
      return run(updates, state, params);
    },
    ...(spec.applyStep && {
      applyScaled: (params: ParamTree, updates: ParamTree, state: SlotState<N, E>, scale: number) =>
        run(updates, state, params, scale),
    }),
  };

  /**
   * One step over every parameter: the updates, or with `scale` (and `spec.applyStep`) the new
   * parameters, in the structure of `updates`; and the new state.
   */
  function run(
    updates: ParamTree,
    state: SlotState<N, E>,
    params: ParamTree | undefined,
    scale?: number,
  ): [ParamTree, SlotState<N, E>] {
    const count = checkSlotState(name, state, slots);
    const leaves = leavesOf(name, updates, 'gradient');
    const first = slots[0];
    const known = first !== undefined ? Object.keys(state[first]) : leaves.map((l) => l.path);
    checkPaths(name, leaves, known, 'gradient');
    const applied = scale !== undefined;
    const paramOf = paramsByPath(name, params, known, applied || (spec.needsParams ?? false));
    const t = count + 1;
    const before = pickExtra(state, extra0);
    const after = spec.advance ? spec.advance(t, before) : before;
    const each = () => {
      const outs: Tensor[] = [];
      const next = Object.fromEntries(slots.map((s) => [s, {} as Record<string, Tensor>]));
      for (const { path, tensor: g } of leaves) {
        // A loop, not Object.fromEntries: this runs for every parameter at every step.
        const current = {} as { [K in N]: Tensor };
        for (const s of slots) current[s] = state[s][path]!;
        for (const s of slots) checkShape(name, path, g, current[s].shape, 'gradient');
        const ctx: StepContext<E> = {
          t,
          path,
          param: paramOf?.get(path),
          before,
          after,
          scalar: (v) => scalar(g, v),
        };
        if (applied) checkShape(name, path, ctx.param!, g.shape, 'parameter');
        const r = applied ? spec.applyStep!(ctx.param!, g, current, ctx, scale) : spec.step(g, current, ctx);
        const inputs = [g, ctx.param, ...Object.values<Tensor>(current)];
        const newSlots = slots.map((s) => own(r.slots[s], inputs));
        outs.push(own('param' in r ? r.param : r.update, [...inputs, ...newSlots]));
        slots.forEach((s, i) => {
          next[s]![path] = newSlots[i]!;
        });
      }
      return { outs, next };
    };
    const { outs, next } = leaves[0]
      ? tidyTree(leaves[0].tensor.runtime, each)
      : { outs: [], next: Object.fromEntries(slots.map((s) => [s, {}])) };
    const newState = { count: t, ...after, ...next } as SlotState<N, E>;
    return [unflattenParams(updates, outs), newState];
  }
}

function pickExtra<E extends Record<string, number>>(state: Record<string, unknown>, extra0: E): E {
  return Object.fromEntries(Object.keys(extra0).map((k) => [k, state[k] as number])) as E;
}

/** A spec a custom transform can trust: a name, slot names and a step function. */
function checkSpec(spec: unknown): void {
  checkOptions('perParameter', spec, 'the spec');
  if (spec === undefined)
    throw new InvalidArgumentError('perParameter', 'expected a spec { name, slots, step }, got undefined');
  const { name, slots, step } = spec as Partial<PerParameterSpec<string, Record<string, number>>>;
  if (typeof name !== 'string' || name === '')
    throw new InvalidArgumentError(
      'perParameter',
      `expected spec.name to be a non-empty string, got ${describeValue(name)}`,
    );
  if (!Array.isArray(slots) || slots.some((s) => typeof s !== 'string'))
    throw new InvalidArgumentError(
      name,
      `expected spec.slots to be an array of slot names, got ${describeValue(slots)}`,
    );
  checkFunction(name, 'spec.step', step);
}
