import { InvalidArgumentError } from '@descent/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyGradients } from '../apply-gradients';
import { adam } from '../optimizers/adam';
import { cpuRuntime, smallParams } from '../test-utils/runtime';
import { deserializeState } from './deserialize-state';
import { serializeState } from './serialize-state';
import type { SerializedState } from './serialized-state';

// biome-ignore lint/suspicious/noExplicitAny: the tests corrupt the JSON on purpose, field by field.
type Loose = Record<string, any>;

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

async function goodState(): Promise<SerializedState> {
  const rt = cpuRuntime();
  const tx = adam({ learningRate: 0.1 });
  const params = smallParams(rt);
  const grads = smallParams(rt, [0.1, -0.2, 0.3, -0.4], [1, -1]);
  const next = applyGradients(tx, params, grads, tx.init(params));
  const s = await serializeState(next.state);
  return { json: JSON.parse(JSON.stringify(s.json)), payload: new Uint8Array(s.payload) };
}

/** Deserializes on a fresh runtime: a typed error naming the problem, and no tensor left alive. */
function rejects(s: SerializedState, message: RegExp): void {
  const rt = cpuRuntime();
  const before = rt.memory().numTensors;
  let err: unknown;
  try {
    deserializeState(rt, s);
  } catch (e) {
    err = e;
  }
  expect(err, 'an InvalidArgumentError').toBeInstanceOf(InvalidArgumentError);
  expect((err as Error).message).toMatch(message);
  expect(rt.memory().numTensors, 'tensors left by a failed load').toBe(before);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
}

const edit = (s: SerializedState, fn: (json: Loose) => void): SerializedState => {
  const json = structuredClone(s.json) as Loose;
  fn(json);
  return { json: json as SerializedState['json'], payload: s.payload };
};

describe('corrupt optimizer states are rejected whole', () => {
  it('a payload truncated at any length, whether or not payloadBytes was edited to match', async () => {
    const s = await goodState();
    for (let n = 0; n < s.payload.length; n++) {
      const payload = s.payload.slice(0, n);
      rejects({ json: s.json, payload }, /payload has \d+ bytes, the state expects/);
      rejects(
        { json: { ...s.json, payloadBytes: n }, payload },
        /beyond the \d+-byte payload|needs \d+ bytes/,
      );
    }
  });

  it('a huge declared shape fails before allocating', async () => {
    const s = await goodState();
    const before = process.memoryUsage();
    const t0 = performance.now();
    for (const [shape, byteLength] of [
      [[2 ** 40], 2 ** 42],
      [[2 ** 20, 2 ** 20, 2 ** 20], 2 ** 62],
      [[2 ** 40], 16],
    ] as const) {
      rejects(
        edit(s, (j) => {
          j.tensors[0].shape = shape;
          j.tensors[0].byteLength = byteLength;
        }),
        /tensor 0 .*(beyond the|needs)/,
      );
    }
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(process.memoryUsage().arrayBuffers - before.arrayBuffers).toBeLessThan(64 * 2 ** 20);
  });

  it('wrong dtypes, encodings, shapes and offsets, each named', async () => {
    const s = await goodState();
    const cases: [(j: Loose) => void, RegExp][] = [
      [(j) => (j.tensors[0].dtype = 'float64'), /unknown dtype "float64"/],
      [(j) => (j.tensors[0].encoding = 'int32'), /dtype float32 cannot be stored as "int32"/],
      [(j) => (j.tensors[0].shape = [-1, 4]), /bad shape \[-1,4\]/],
      [(j) => (j.tensors[0].shape = ['2', 2]), /bad shape/],
      [(j) => (j.tensors[0].offset = -8), /tensor 0 .*lies at bytes -8/],
      [(j) => (j.tensors[0].offset = 1.5), /lies at bytes 1.5/],
      [(j) => (j.tensors = null), /lists no tensors/],
      [(j) => (j.tensors[1] = null), /tensor 1 .*has no record/],
      [(j) => (j.format = 'other'), /not a serialized optimizer state/],
      [(j) => (j.version = 2), /unsupported version 2/],
    ];
    for (const [fn, message] of cases) rejects(edit(s, fn), message);
  });

  it('missing or duplicate tensor references free what was already made', async () => {
    const s = await goodState();
    const refs: Loose[] = [];
    const walk = (v: unknown) => {
      if (v && typeof v === 'object') {
        if ('$tensor' in v) refs.push(v as Loose);
        else for (const x of Object.values(v)) walk(x);
      }
    };
    const j = structuredClone(s.json) as Loose;
    walk(j.state);
    expect(refs.length).toBeGreaterThan(2);
    refs[refs.length - 1]!.$tensor = 0;
    rejects(
      { json: j as SerializedState['json'], payload: s.payload },
      /refers to tensor 0, which is used twice/,
    );
    refs[refs.length - 1]!.$tensor = 99;
    rejects(
      { json: j as SerializedState['json'], payload: s.payload },
      /refers to tensor 99, which does not exist/,
    );
  });

  it('__proto__, constructor and prototype keys are refused, polluting nothing', async () => {
    const s = await goodState();
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = JSON.stringify(s.json).replace('"state":{', `"state":{"${key}":{"polluted":1},`);
      rejects({ json: JSON.parse(text), payload: s.payload }, new RegExp(`forbidden key "${key}"`));
    }
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });

  it('random corruption of the JSON gives an InvalidArgumentError or a state, never a crash or a leak', async () => {
    const s = await goodState();
    const text = JSON.stringify(s.json);
    const rt = cpuRuntime();
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('0', '9', '-', '"', '[', 'e', 'x', '1e9'), (at, ch) => {
        const i = at % text.length;
        let json: unknown;
        try {
          json = JSON.parse(text.slice(0, i) + ch + text.slice(i + 1));
        } catch {
          return; // not JSON any more: the caller's JSON.parse reports it
        }
        const before = rt.memory().numTensors;
        try {
          const state = deserializeState(rt, { json: json as SerializedState['json'], payload: s.payload });
          const live = rt.memory().numTensors;
          rt.dispose(state as never);
          expect(live).toBeGreaterThanOrEqual(before);
        } catch (e) {
          if (!(e instanceof InvalidArgumentError)) throw e;
        }
        expect(rt.memory().numTensors).toBe(before);
      }),
      { numRuns: 500 },
    );
  });
});
