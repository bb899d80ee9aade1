import { InvalidArgumentError, type Tensor } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { applyGradients } from '../apply-gradients';
import type { OptState } from '../gradient-transform';
import { mapState, stateTensors } from '../internal/state-tree';
import { adam } from '../optimizers/adam';
import { nadam } from '../optimizers/nadam';
import { cpuRuntime, secondCpuBackend, smallParams, valuesOf } from '../test-utils/runtime';
import { skipNonFinite } from '../transforms/skip-non-finite';
import { deserializeState } from './deserialize-state';
import { disposeState } from './dispose-state';
import { moveState } from './move-state';
import { serializeState } from './serialize-state';
import type { SerializedState } from './serialized-state';

/** A state with moments, counts, NaN-free numbers and nesting: nadam under skipNonFinite, after 3 steps. */
function trainedState(rt: ReturnType<typeof cpuRuntime>) {
  const tx = skipNonFinite(nadam({ learningRate: 0.1, weightDecay: 0.01 }));
  let params = smallParams(rt);
  const grads = smallParams(rt, [0.1, -0.2, 0.3, -0.4], [1, -1]);
  let state = tx.init(params);
  for (let i = 0; i < 3; i++) {
    const next = applyGradients(tx, params, grads, state);
    rt.dispose(params);
    ({ params, state } = next);
  }
  rt.dispose(grads);
  return { tx, params, state };
}

/** Through text and a copied buffer, as a file would give it back. */
function viaFiles(s: SerializedState): SerializedState {
  return { json: JSON.parse(JSON.stringify(s.json)), payload: new Uint8Array(s.payload) };
}

describe('stateTensors', () => {
  it('lists the tensors in mapState’s order and paths, and names what is not state', () => {
    const rt = cpuRuntime();
    const { params, state } = trainedState(rt);
    const visited: string[] = [];
    mapState('test', state, (t, path) => {
      visited.push(path);
      return t;
    });
    expect(stateTensors('test', state).map((l) => l.path)).toEqual(visited);
    expect(visited.length).toBeGreaterThan(0);
    expect(stateTensors('test', params.b).map((l) => l.path)).toEqual(['(root)']);
    expect(() => disposeState({ inner: [1, { m: new Map() }] } as never)).toThrow(
      /^disposeState: state at "inner\/1\/m" is an instance of Map; optimizer state holds only/,
    );
    rt.dispose(params);
    disposeState(state);
  });
});

describe('serializeState / deserializeState', () => {
  it('round-trips a state through JSON and a binary payload, and training goes on identically', async () => {
    const rt = cpuRuntime();
    const { tx, params, state } = trainedState(rt);
    const serialized = viaFiles(await serializeState(state));
    expect(serialized.json.tensors.map((t) => t.path)).toContain('inner/inner/1/mu/layer/w');
    const rt2 = cpuRuntime();
    const restored = deserializeState<typeof state>(rt2, serialized);
    expect(valuesOf(restored)).toEqual(valuesOf(state));
    expect(JSON.stringify(strip(restored))).toBe(JSON.stringify(strip(state)));
    const grads = smallParams(rt, [1, 2, 3, 4], [5, 6]);
    const params2 = smallParams(rt2, ...(Object.values(valuesOf(params)) as [number[], number[]]));
    const grads2 = smallParams(rt2, [1, 2, 3, 4], [5, 6]);
    const a = applyGradients(tx, params, grads, state);
    const b = applyGradients(tx, params2, grads2, restored);
    expect(valuesOf(b.params)).toEqual(valuesOf(a.params));
    expect(valuesOf(b.state)).toEqual(valuesOf(a.state));
    rt.dispose([params, grads, a.params]);
    rt2.dispose([params2, grads2, b.params]);
    disposeState([a.state, b.state]);
    expect(rt2.memory().numTensors).toBe(0);
  });

  it('keeps non-finite numbers, $-keys, float64 values and empty states', async () => {
    const rt = cpuRuntime('float64');
    const precise = rt.tensor(Float64Array.from([0.1, 1 / 3]));
    const state: OptState = {
      $tensor: 'not a tensor',
      $$x: [Number.NaN, Number.POSITIVE_INFINITY, -Number.POSITIVE_INFINITY, -0.5],
      t: precise,
      nested: [{ empty: {} }, null, true],
    };
    const s = viaFiles(await serializeState(state));
    expect(s.json.tensors[0]!.encoding).toBe('float64');
    const back = deserializeState(rt, s) as Record<string, unknown>;
    expect(back.$tensor).toBe('not a tensor');
    expect(back.$$x).toEqual([Number.NaN, Number.POSITIVE_INFINITY, -Number.POSITIVE_INFINITY, -0.5]);
    expect(Array.from((back.t as Tensor).dataSync())).toEqual([0.1, 1 / 3]);
    expect(back.nested).toEqual([{ empty: {} }, null, true]);
    expect(deserializeState(rt, viaFiles(await serializeState({})))).toEqual({});
    rt.dispose([precise, back.t as Tensor]);
  });

  it('refuses what is not plain data, naming where it is', async () => {
    await expect(serializeState({ inner: { m: new Map() } } as never)).rejects.toThrow(
      /state at "inner\/m" is not plain data/,
    );
  });

  it('a truncated or corrupt checkpoint fails naming the problem, and allocates nothing', async () => {
    const rt = cpuRuntime();
    const { params, state } = trainedState(rt);
    const good = viaFiles(await serializeState(state));
    const rt2 = cpuRuntime();
    const bad = (s: SerializedState, message: RegExp) => {
      expect(() => deserializeState(rt2, s)).toThrow(InvalidArgumentError);
      expect(() => deserializeState(rt2, s)).toThrow(message);
      expect(rt2.memory().numTensors).toBe(0);
    };
    bad(
      { ...good, payload: good.payload.slice(0, 20) },
      /payload has 20 bytes, the state expects \d+ \(truncated/,
    );
    bad(
      { json: { ...good.json, format: 'nope' } as never, payload: good.payload },
      /not a serialized optimizer state/,
    );
    bad({ json: { ...good.json, version: 2 } as never, payload: good.payload }, /unsupported version 2/);
    const tensors = good.json.tensors.map((t, i) => (i === 2 ? { ...t, shape: [9, 9] } : t));
    bad(
      { json: { ...good.json, tensors }, payload: good.payload },
      /tensor 2 \(state ".*"\): shape \[9,9\] needs 324 bytes/,
    );
    const past = good.json.tensors.map((t, i) => (i === 1 ? { ...t, offset: good.payload.length } : t));
    bad({ json: { ...good.json, tensors: past }, payload: good.payload }, /beyond the \d+-byte payload/);
    const twice = JSON.parse(JSON.stringify(good.json).replace('{"$tensor":1}', '{"$tensor":0}'));
    bad({ json: twice, payload: good.payload }, /refers to tensor 0, which is used twice/);
    rt.dispose(params);
    disposeState(state);
  });
});

describe('moveState', () => {
  it('moves every tensor to another backend of the same runtime; training goes on there identically', async () => {
    const rt = cpuRuntime();
    rt.use(secondCpuBackend('cpu2'));
    const { tx, params, state } = trainedState(rt);
    const moved = await moveState(state, 'cpu2');
    expect(stateTensors('test', moved).every(({ tensor }) => tensor.backendName === 'cpu2')).toBe(true);
    expect(valuesOf(moved)).toEqual(valuesOf(state));
    const params2 = {
      layer: { w: await rt.moveTo(params.layer.w, 'cpu2') },
      b: await rt.moveTo(params.b, 'cpu2'),
    };
    const grads = smallParams(rt, [1, 2, 3, 4], [5, 6]);
    const grads2 = {
      layer: { w: await rt.moveTo(grads.layer.w, 'cpu2') },
      b: await rt.moveTo(grads.b, 'cpu2'),
    };
    const a = applyGradients(tx, params, grads, state);
    const b = applyGradients(tx, params2, grads2, moved);
    expect(valuesOf(b.params)).toEqual(valuesOf(a.params));
    expect(b.params.b.backendName).toBe('cpu2');
    rt.dispose([params, grads, a.params, params2, grads2, b.params]);
    disposeState([a.state, b.state]);
    const after = rt.memory().backends;
    expect(after.cpu2!.numTensors).toBe(0);
    expect(after.cpu2!.backend.buffers).toBe(0);
    // Every tensor on both backends is gone: the old state went when each update replaced it.
    expect(after.cpu!.numTensors).toBe(0);
    expect(after.cpu!.backend.buffers).toBe(0);
  });

  it('mixing backends in one update is a BackendMismatchError', async () => {
    const rt = cpuRuntime();
    rt.use(secondCpuBackend('cpu2'));
    const params = smallParams(rt);
    const tx = adam();
    const state = await moveState(tx.init(params), 'cpu2');
    expect(() => tx.update(params, state, params)).toThrow(
      /backends "cpu2" and "cpu"|backends "cpu" and "cpu2"/,
    );
    rt.dispose(params);
    disposeState(state);
  });
});

/** The state with tensors replaced by their shapes, for comparing structure and numbers. */
function strip(s: unknown): unknown {
  if (s && typeof s === 'object' && 'shape' in s && 'dtype' in s) return { shape: (s as Tensor).shape };
  if (Array.isArray(s)) return s.map(strip);
  if (s && typeof s === 'object') return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, strip(v)]));
  return s;
}
