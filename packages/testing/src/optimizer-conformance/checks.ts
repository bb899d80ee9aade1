import {
  add,
  createRuntime,
  flattenParams,
  mapParams,
  type ParamTree,
  type Runtime,
  type Tensor,
} from '@descent/core';
import { expect } from 'vitest';
import { makeTree, type Params, quadratic, reversed } from './problem';
import { expectLikeGrads, expectPlainData, skeleton, snapshot, tensorsOf } from './state-checks';
import type { OptimizerConformanceOptions, TransformUnderTest } from './transform-under-test';

/** What every check gets: the options and a way to make runtimes (released when the check ends). */
export interface KitContext {
  readonly options: OptimizerConformanceOptions;
  runtime(): Runtime;
}

/** Live tensors and bytes in core's counters and the backend's own. */
function memory(rt: Runtime): {
  numTensors: number;
  numBytes: number;
  backendBuffers: number;
  backendBytes: number;
} {
  const m = rt.memory();
  const name = rt.backendName;
  const b = m.backends[name];
  return {
    numTensors: m.numTensors,
    numBytes: m.numBytes,
    backendBuffers: b?.backend.buffers ?? 0,
    backendBytes: b?.backend.bytes ?? 0,
  };
}

/** Distinct tensors of any number of trees. */
function distinct(...trees: unknown[]): Set<Tensor> {
  return new Set(trees.flatMap((t) => tensorsOf(t).map((l) => l.tensor)));
}

/** Runs `n` updates with gradients from seeds `seed..seed+n-1`, disposing what it replaces; returns the last state. */
function advance(
  tx: TransformUnderTest,
  rt: Runtime,
  params: Params,
  state: unknown,
  n: number,
  seed: number,
): unknown {
  let s = state;
  for (let i = 0; i < n; i++) {
    const g = makeTree(rt, seed + i);
    const [u, next] = tx.update(g, s, params);
    rt.dispose([g, u]);
    rt.dispose(tensorsOf(s).map((l) => l.tensor));
    s = next;
  }
  return s;
}

export async function initAllocatesOnlyItsState(ctx: KitContext): Promise<void> {
  const rt = ctx.runtime();
  const params = makeTree(rt, 1);
  const before = memory(rt);
  const tx = ctx.options.make();
  const state = tx.init(params);
  expectPlainData(state, 'init');
  const held = distinct(state);
  for (const p of tensorsOf(params)) {
    expect(
      held.has(p.tensor),
      `init: the state holds parameter "${p.path}" itself; it must hold its own tensors`,
    ).toBe(false);
  }
  expect(memory(rt).numTensors, 'init: live tensors beyond those in the state (temporaries not freed)').toBe(
    before.numTensors + held.size,
  );
  rt.dispose([...held]);
  expect(memory(rt), 'init: memory after disposing the state').toEqual(before);
  rt.dispose(params);
}

export async function updateKeepsPathsShapesAndInputs(ctx: KitContext): Promise<void> {
  const rt = ctx.runtime();
  const tx = ctx.options.make();
  const params = makeTree(rt, 1);
  let state = tx.init(params);
  state = advance(tx, rt, params, state, 2, 10);
  const grads = makeTree(rt, 20);
  const inputs = { grads, params, state };
  const valuesBefore = await snapshot(inputs);
  const before = memory(rt);
  const [updates, next] = tx.update(grads, state, params);
  expectLikeGrads(updates, grads, 'update');
  expectPlainData(next, 'update');
  expect(skeleton(next), 'update: the new state has the structure, shapes and dtypes of the old').toEqual(
    skeleton(state),
  );
  const mine = distinct(updates, next);
  const theirs = distinct(inputs);
  for (const t of mine) {
    const where = [...tensorsOf(inputs)].find((l) => l.tensor === t)?.path;
    expect(
      where,
      `update returned an input tensor as is (${where}); return rt.view(t) for an unchanged tensor`,
    ).toBe(undefined);
  }
  for (const { path } of tensorsOf(updates).filter((u) => distinct(next).has(u.tensor))) {
    expect.fail(
      `update returned the same tensor in the updates and the state (${path}); the caller disposes updates`,
    );
  }
  for (const { path, tensor } of tensorsOf(inputs)) {
    expect(tensor.isDisposed, `update disposed one of its inputs (${path}); the caller owns them`).toBe(
      false,
    );
  }
  expect(await snapshot(inputs), 'update changed its inputs (gradients, parameters or old state)').toEqual(
    valuesBefore,
  );
  const live = memory(rt).numTensors;
  const want = before.numTensors + mine.size;
  expect(
    live,
    `update: ${live} live tensors, expected ${want} (those before plus its updates and new state); ${live > want ? 'temporaries not freed' : 'it freed tensors it did not make'}`,
  ).toBe(want);
  rt.dispose([...mine]);
  expect(memory(rt), 'update: memory after disposing its updates and new state').toEqual(before);
  rt.dispose([...theirs]);
}

/**
 * Where the transform has `apply` (the fused step), it matches `update` then adding the updates:
 * the same new state bit for bit, parameters within float32 rounding, inputs untouched, no
 * temporaries left.
 */
export async function applyMatchesUpdateThenAdd(ctx: KitContext): Promise<void> {
  const tx = ctx.options.make();
  if (!tx.apply) return;
  const rt = ctx.runtime();
  const params = makeTree(rt, 1);
  const state = advance(tx, rt, params, tx.init(params), 2, 10);
  const grads = makeTree(rt, 40);
  const inputs = { grads, params, state };
  const valuesBefore = await snapshot(inputs);
  const [updates, viaUpdate] = tx.update(grads, state, params);
  const byPath = new Map(flattenParams('kit', updates).map((l) => [l.path, l.tensor]));
  const added = mapParams('kit', params, (p, path) => add(p, byPath.get(path)!));
  const before = memory(rt);
  const [applied, viaApply] = tx.apply(params, grads, state);
  const mine = distinct(applied, viaApply);
  expect(memory(rt).numTensors, 'apply: live tensors beyond its new parameters and state').toBe(
    before.numTensors + mine.size,
  );
  expect(await snapshot(inputs), 'apply changed its inputs (gradients, parameters or old state)').toEqual(
    valuesBefore,
  );
  expect(await snapshot(viaApply), "apply: the new state differs from update's").toEqual(
    await snapshot(viaUpdate),
  );
  const want = new Map(flattenParams('kit', added).map((l) => [l.path, l.tensor]));
  for (const { path, tensor } of flattenParams('kit', applied)) {
    const got = await tensor.data();
    const w = await want.get(path)!.data();
    expect(got.length, `apply: parameter ${path}`).toBe(w.length);
    // Two float32 roundings apart at most: the fused kernel may keep the update unrounded.
    for (const [i, x] of got.entries()) {
      expect(
        Math.abs(x - w[i]!),
        `apply: parameter ${path}[${i}] = ${x}, update then add gives ${w[i]}`,
      ).toBeLessThanOrEqual(Math.abs(w[i]!) * 2 ** -22);
    }
  }
  rt.dispose([...mine, ...distinct(updates, viaUpdate, added, inputs)]);
}

export async function stateKeyedByPath(ctx: KitContext): Promise<void> {
  const rt = ctx.runtime();
  const tx = ctx.options.make();
  const params = makeTree(rt, 1);
  const state = advance(tx, rt, params, tx.init(params), 2, 10);
  const grads = makeTree(rt, 30);
  const [u1, s1] = tx.update(grads, state, params);
  const [u2, s2] = tx.update(reversed(grads), state, reversed(params));
  const byPath = async (t: ParamTree) =>
    Object.fromEntries(
      await Promise.all(
        flattenParams('kit', t).map(async (l) => [l.path, Array.from(await l.tensor.data())]),
      ),
    );
  expect(
    await byPath(u2),
    'updates for gradients given in another key order (state must be keyed by path, not position)',
  ).toEqual(await byPath(u1));
  expect(await snapshot(s2), 'new state for gradients given in another key order').toEqual(
    await snapshot(s1),
  );
  rt.dispose([u1, u2, ...distinct(s1, s2, state), grads, params]);
}

export async function stateRoundTripsThroughSerialization(ctx: KitContext): Promise<void> {
  const { library } = ctx.options;
  const rt = ctx.runtime();
  const tx = ctx.options.make();
  const params = makeTree(rt, 1);
  const state = advance(tx, rt, params, tx.init(params), 3, 40);
  const serialized = await library.serializeState(state);
  // Through a string and a copied payload: what a checkpoint file gives back.
  const text = JSON.stringify(serialized.json);
  const restored = { json: JSON.parse(text), payload: new Uint8Array(serialized.payload) };
  const rt2 = ctx.runtime();
  const before2 = memory(rt2);
  const state2 = library.deserializeState(rt2, restored);
  expect(await snapshot(state2), 'the deserialized state (in a new runtime) equals the original').toEqual(
    await snapshot(state),
  );
  // Both go on with the same gradients and must agree exactly.
  const params2 = makeTree(rt2, 1); // the same values as `params`
  let s = state;
  let s2 = state2;
  for (let i = 0; i < 3; i++) {
    const g = makeTree(rt, 50 + i);
    const g2 = makeTree(rt2, 50 + i);
    const [u, n] = tx.update(g, s, params);
    const [u2, n2] = ctx.options.make().update(g2, s2, params2);
    expect(await snapshot(u2), `update ${i + 1} after the round trip`).toEqual(await snapshot(u));
    rt.dispose([g, u, ...distinct(s)]);
    rt2.dispose([g2, u2, ...distinct(s2)]);
    s = n;
    s2 = n2;
  }
  rt.dispose([...distinct(s), params]);
  rt2.dispose([...distinct(s2), params2]);
  expect(memory(rt2), 'everything deserialized was freed with the state').toEqual(before2);
}

export async function nonFiniteGradientsDoNotCorruptState(ctx: KitContext): Promise<void> {
  const rt = ctx.runtime();
  const tx = ctx.options.library.skipNonFinite(ctx.options.make());
  const params = makeTree(rt, 1);
  const start = advance(tx, rt, params, tx.init(params), 2, 60);
  const clean = await snapshot(innerOf(start));
  let state = start;
  const keep = distinct(start);
  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
    const g = makeTree(rt, 70);
    const kernel = Float32Array.from(await g.dense.kernel.data());
    kernel[1] = bad;
    g.dense.kernel.dispose();
    g.dense.kernel = rt.tensor(kernel, [3, 2]);
    const [u, next] = tx.update(g, state, params);
    for (const { path, tensor } of flattenParams('kit', u)) {
      expect(
        Array.from(await tensor.data()),
        `updates for a gradient with ${bad} must be zeros (${path})`,
      ).toEqual(new Array(tensor.size).fill(0));
    }
    expect(await snapshot(innerOf(next)), `the inner state after a gradient with ${bad}`).toEqual(clean);
    rt.dispose([g, u, ...[...distinct(state)].filter((t) => !keep.has(t))]);
    state = next;
  }
  // And the next finite step continues as if the bad ones never came.
  const g = makeTree(rt, 80);
  const [uAfter, sAfter] = tx.update(g, state, params);
  const [uClean, sClean] = tx.update(g, start, params);
  expect(await snapshot(uAfter), 'the first finite update after skipped ones').toEqual(
    await snapshot(uClean),
  );
  for (const { path, tensor } of flattenParams('kit', uAfter)) {
    expect(
      Array.from(await tensor.data()).every(Number.isFinite),
      `finite updates after the skips (${path})`,
    ).toBe(true);
  }
  rt.dispose([g, uAfter, uClean, ...distinct(state, start, sAfter, sClean), params]);
}

export async function decreasesConvexQuadratic(ctx: KitContext): Promise<void> {
  const rt = ctx.runtime();
  const steps = ctx.options.steps ?? 100;
  const maxRatio = ctx.options.maxLossRatio ?? 0.5;
  const tx = ctx.options.make();
  const q = quadratic(rt);
  let params = makeTree(rt, 1);
  let state = tx.init(params);
  const first = await q.loss(params);
  const base = memory(rt).numTensors - distinct(state).size;
  let last = first;
  for (let i = 0; i < steps; i++) {
    const g = q.grad(params);
    const [u, next] = tx.update(g, state, params);
    const moved = rt.tidy(() =>
      mapParams('kit', params, (p, path) =>
        add(p, flattenParams('kit', u).find((l) => l.path === path)!.tensor),
      ),
    );
    rt.dispose([g, u, params, ...distinct(state)]);
    params = moved;
    state = next;
    last = await q.loss(params);
    expect(Number.isFinite(last), `loss after step ${i + 1} is ${last}`).toBe(true);
    expect(memory(rt).numTensors, `live tensors grew at step ${i + 1} (a leak per update)`).toBe(
      base + distinct(state).size,
    );
  }
  expect(
    last,
    `loss after ${steps} steps (started at ${first}) must be at most ${maxRatio} of the first`,
  ).toBeLessThanOrEqual(maxRatio * first);
  rt.dispose([params, ...distinct(state)]);
  q.dispose();
}

/** The wrapped transform's state inside skip-non-finite's. */
function innerOf(state: unknown): unknown {
  expect(state, 'skipNonFinite\'s state keeps the wrapped transform\'s state under "inner"').toHaveProperty(
    'inner',
  );
  return (state as { inner: unknown }).inner;
}

/** Runs a check with its own runtimes, releasing their backends afterwards (GPU contexts). */
export async function withRuntimes(
  options: OptimizerConformanceOptions,
  check: (ctx: KitContext) => Promise<void>,
): Promise<void> {
  const made: Runtime[] = [];
  const runtime = () => {
    const rt = createRuntime({
      plugins: options.plugins(),
      ...(options.backend !== undefined ? { backend: options.backend } : {}),
    });
    made.push(rt);
    return rt;
  };
  try {
    await check({ options, runtime });
  } finally {
    for (const rt of made) rt.backend().destroy?.();
  }
}
