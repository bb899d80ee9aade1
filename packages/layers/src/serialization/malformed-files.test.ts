import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerializationError } from '../errors';
import { Dense } from '../layers/dense';
import { type Sequential, sequential } from '../models/sequential';
import { runtime } from '../test-utils/fixtures';
import { loadModel, saveModel } from './files';
import { modelFromJSON, modelToJSON } from './model-json';
import { decodeSafetensors } from './safetensors';
import { loadWeightsFromSafetensors, weightsToSafetensors } from './weights';

const rt = runtime(3);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'descent-malformed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const mlp = (): Sequential =>
  sequential([new Dense({ units: 3, inputShape: [4], activation: 'relu' }), new Dense({ units: 2 })]).init(
    rt,
  );

/** Every weight's values, to check a failed load changed nothing. */
const snapshot = (m: Sequential) =>
  m.variables().map(({ path, variable }) => [path, Array.from(variable.value.dataSync())]);

/** A safetensors file from a header (object or raw text) and data bytes. */
function file(header: unknown, data = new Uint8Array(0), rawHeader?: string, declared?: number): Uint8Array {
  const h = new TextEncoder().encode(rawHeader ?? JSON.stringify(header));
  const out = new Uint8Array(8 + h.length + data.length);
  const view = new DataView(out.buffer);
  const n = declared ?? h.length;
  view.setUint32(0, n % 2 ** 32, true);
  view.setUint32(4, Math.floor(n / 2 ** 32), true);
  out.set(h, 8);
  out.set(data, 8 + h.length);
  return out;
}

function expectSerializationError(fn: () => unknown, message: RegExp): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, 'a SerializationError').toBeInstanceOf(SerializationError);
  expect((err as Error).message).toMatch(message);
}

/** Tries a bad file on a fresh model: typed error, weights unchanged, no prototype touched. */
function rejects(bytes: Uint8Array, message: RegExp): void {
  const model = mlp();
  const before = snapshot(model);
  const live = rt.memory().numTensors;
  expectSerializationError(() => loadWeightsFromSafetensors(model, bytes), message);
  expect(snapshot(model), 'weights after a failed load').toEqual(before);
  expect(rt.memory().numTensors, 'tensors left by a failed load').toBe(live);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
}
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

describe('malformed safetensors weights are rejected whole', () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await weightsToSafetensors(mlp());
  });

  it('a file truncated at any length', () => {
    for (let n = 0; n < good.length; n++) rejects(good.subarray(0, n), /safetensors|header|truncated|bytes/);
  });

  it('a declared header length beyond the file (by one byte, and 2^40)', () => {
    const h = '{}';
    rejects(file(null, new Uint8Array(0), h, h.length + 1), /header length 3 .* exceeds the 2 bytes/);
    rejects(file(null, new Uint8Array(0), h, 2 ** 40), /header length 1099511627776/);
  });

  it('data offsets beyond the file', () => {
    const header = { 'dense/kernel': { dtype: 'F32', shape: [4, 3], data_offsets: [0, 48] } };
    rejects(
      file(header, new Uint8Array(40)),
      /"dense\/kernel".*data_offsets \[0, 48\] are outside the 40 data bytes/,
    );
  });

  it('a huge declared shape fails before anything is allocated', () => {
    const huge = [
      { dtype: 'F32', shape: [2 ** 40], data_offsets: [0, 4] },
      { dtype: 'F32', shape: [2 ** 20, 2 ** 20, 2 ** 20], data_offsets: [0, 4] },
      { dtype: 'F32', shape: [2 ** 40], data_offsets: [0, 2 ** 42] },
      { dtype: 'F32', shape: [2 ** 53], data_offsets: [0, 4] },
      { dtype: 'F32', shape: [2 ** 60], data_offsets: [0, 4] },
    ];
    globalThis.gc?.();
    const before = process.memoryUsage();
    const t0 = performance.now();
    for (const entry of huge) rejects(file({ 'dense/kernel': entry }, new Uint8Array(4)), /dense\/kernel/);
    const ms = performance.now() - t0;
    const after = process.memoryUsage();
    // A 2^40-element float32 tensor would be 4 TiB; nothing near even 64 MiB may be allocated.
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(64 * 2 ** 20);
    expect(after.rss - before.rss).toBeLessThan(256 * 2 ** 20);
    expect(ms).toBeLessThan(1000);
  });

  it('wrong dtypes: unsupported, unknown, not a string, or not the model’s', async () => {
    const data = new Uint8Array(48);
    for (const dtype of ['F64', 'XYZ', 7, null]) {
      rejects(
        file({ 'dense/kernel': { dtype, shape: [4, 3], data_offsets: [0, 48] } }, data),
        /"dense\/kernel": (dtype F64 is not supported|unknown dtype)/,
      );
    }
    // A well-formed file whose kernel is int32: the model expects float32.
    const model = mlp();
    const entries = model
      .variables()
      .map(
        ({ path, variable }) =>
          [
            path,
            path === 'dense/kernel' ? rt.tensor(new Int32Array(12), [4, 3], 'int32') : variable.value,
          ] as const,
      );
    const { encodeSafetensors } = await import('./safetensors');
    const bytes = await encodeSafetensors(entries);
    rejects(bytes, /"dense\/kernel": the file has dtype int32, the model expects float32/);
    entries[0]![1].dispose();
  });

  it('duplicate names in the header', () => {
    const entry = '{"dtype":"F32","shape":[1],"data_offsets":[0,4]}';
    rejects(file(null, new Uint8Array(4), `{"a":${entry},"a":${entry}}`), /duplicate tensor name "a"/);
    const meta = '{"__metadata__":{"k":"1"},"__metadata__":{"k":"2"}}';
    expectSerializationError(
      () => decodeSafetensors(file(null, new Uint8Array(0), meta)),
      /duplicate.*"__metadata__"/,
    );
  });

  it('missing and extra names, each named; a late bad tensor leaves the early ones unloaded', async () => {
    const model = mlp();
    const tensors = model.variables().map(({ path, variable }) => [path, variable.value] as const);
    const { encodeSafetensors } = await import('./safetensors');
    rejects(await encodeSafetensors(tensors.slice(1)), /"dense\/kernel": missing from the file/);
    const extra = rt.tensor([1], [1]);
    rejects(
      await encodeSafetensors([...tensors, ['constructor', extra]]),
      /"constructor": in the file but not a weight/,
    );
    const wrong = rt.tensor(new Float32Array(3), [3]);
    const last = tensors.length - 1;
    const shuffled = tensors.map(([p, t], i) => [p, i === last ? wrong : t] as const);
    rejects(await encodeSafetensors(shuffled), /the file has shape \[3\], the model expects \[2\]/);
    rt.dispose([extra, wrong]);
  });

  it('__proto__ and constructor names pollute nothing', () => {
    const entry = { dtype: 'F32', shape: [1], data_offsets: [0, 4] };
    rejects(
      file(null, new Uint8Array(4), `{"__proto__":${JSON.stringify(entry)}}`),
      /invalid tensor name "__proto__"/,
    );
    rejects(file(null, new Uint8Array(0), '{"__metadata__":{"__proto__":"x"}}'), /__metadata__ "__proto__"/);
    const f = decodeSafetensors(
      file({ constructor: entry, toString: { ...entry, data_offsets: [4, 8] } }, new Uint8Array(8)),
    );
    expect([...f.tensors.keys()]).toEqual(['constructor', 'toString']);
    expect(({} as Record<string, unknown>).shape).toBeUndefined();
  });

  it('random flipped bytes and truncations give a SerializationError or a consistent file, never a crash', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.option(fc.nat(), { nil: undefined }),
        (flips, cut) => {
          const bytes = good.slice(0, cut === undefined ? good.length : cut % (good.length + 1));
          for (const [at, mask] of flips) if (bytes.length) bytes[at % bytes.length]! ^= mask;
          const model = mlp();
          const before = snapshot(model);
          try {
            loadWeightsFromSafetensors(model, bytes);
          } catch (e) {
            if (!(e instanceof SerializationError)) throw e;
            expect(snapshot(model)).toEqual(before);
          }
          model.dispose();
        },
      ),
      { numRuns: 300 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  });
});

describe('model config JSON', () => {
  const config = () => JSON.parse(JSON.stringify(modelToJSON(mlp())));

  it('__proto__ and constructor keys anywhere are refused or inert, never polluting', () => {
    const attempts = [
      '{"__proto__":{"polluted":1},"format":"descent-model","formatVersion":1}',
      '{"constructor":{"prototype":{"polluted":1}}}',
    ];
    for (const text of attempts) {
      expect(() => modelFromJSON(rt, JSON.parse(text))).toThrow(SerializationError);
    }
    const c = config();
    for (const [where, patch] of [
      ['model', (j: Record<string, never>) => j.model],
      [
        'layer config',
        (j: { model: { config: { layers: { config: object }[] } } }) => j.model.config.layers[0]!.config,
      ],
    ] as const) {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        const j = structuredClone(c);
        Object.defineProperty((patch as (x: unknown) => object)(j), key, {
          value: { polluted: 1, units: 99 },
          enumerable: true,
          configurable: true,
          writable: true,
        });
        const text = JSON.stringify(j);
        let err: unknown;
        try {
          modelFromJSON(rt, JSON.parse(text)).dispose();
        } catch (e) {
          err = e;
        }
        expect(err, `${key} in the ${where}`).toBeInstanceOf(SerializationError);
        expect((err as Error).message, `${key} in the ${where}`).toContain(key);
      }
    }
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  });

  it('a truncated or flipped model.json is a SerializationError naming the file', async () => {
    const m = mlp();
    const at = join(dir, 'cfg');
    await saveModel(m, at);
    const text = await readFile(join(at, 'model.json'), 'utf8');
    await writeFile(join(at, 'model.json'), text.slice(0, text.length / 2));
    await expect(loadModel(rt, at)).rejects.toThrow(/cannot read the model config .*model\.json/);
    await writeFile(join(at, 'model.json'), text.replace('"units": 3', '"units": -3'));
    await expect(loadModel(rt, at)).rejects.toBeInstanceOf(SerializationError);
  });
});
