import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mul, square, sum, type Tensor, UnknownPluginError } from '@descent/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerializationError } from './errors';
import { Constant } from './initializers/constant';
import { Layer } from './layer';
import { Activation } from './layers/activation';
import { AvgPool2D } from './layers/avg-pool2d';
import { BatchNormalization } from './layers/batch-normalization';
import { builtinLayers } from './layers/builtin-layers';
import { Conv2D } from './layers/conv2d';
import { Dense } from './layers/dense';
import { Dropout } from './layers/dropout';
import { Embedding } from './layers/embedding';
import { Flatten } from './layers/flatten';
import { GlobalAveragePooling2D } from './layers/global-average-pooling2d';
import { LayerNormalization } from './layers/layer-normalization';
import { MaxPool2D } from './layers/max-pool2d';
import { Reshape } from './layers/reshape';
import { createModel } from './models/create-model';
import { Sequential, sequential } from './models/sequential';
import { loadModel, loadWeights, saveModel, saveWeights } from './serialization/files';
import { modelFromJSON, modelToJSON } from './serialization/model-json';
import { decodeSafetensors, encodeSafetensors } from './serialization/safetensors';
import { loadWeightsFromSafetensors } from './serialization/weights';
import { runtime } from './test-utils/fixtures';
import type { SymbolicShape } from './types';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'descent-layers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rt = runtime(7);
const paths = (l: Layer) => l.variables().map((v) => `${v.path} ${v.variable.shape} ${v.trainable}`);

/** Header bytes + data, with the header given as an object. */
function file(header: unknown, data = new Uint8Array(0), rawHeader?: string): Uint8Array {
  const h = new TextEncoder().encode(rawHeader ?? JSON.stringify(header));
  const out = new Uint8Array(8 + h.length + data.length);
  new DataView(out.buffer).setUint32(0, h.length, true);
  out.set(h, 8);
  out.set(data, 8 + h.length);
  return out;
}

function cnn(): Sequential {
  return sequential([
    new Conv2D({ filters: 3, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [6, 6, 2] }),
    new BatchNormalization(),
    new MaxPool2D(),
    new Flatten(),
    new Dropout({ rate: 0.25 }),
    new Dense({ units: 4, activation: 'softmax' }),
  ]);
}

describe('safetensors', () => {
  it('round-trips float32, int32 and bool tensors with metadata, in the documented layout', async () => {
    const tensors: [string, Tensor][] = [
      [
        'a/w',
        rt.tensor([
          [1.5, -2],
          [3.25, 4],
        ]),
      ],
      ['b', rt.tensor(new Int32Array([-7, 9, 2 ** 31 - 1]), [3])],
      ['m', rt.tensor([true, false, true], [3], 'bool')],
      ['empty', rt.tensor(new Float32Array(0), [0, 2])],
    ];
    const bytes = await encodeSafetensors(tensors, { note: 'hi' });
    const n = new DataView(bytes.buffer).getUint32(0, true);
    expect(n % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
    expect(header['a/w']).toEqual({ dtype: 'F32', shape: [2, 2], data_offsets: [0, 16] });
    expect(header.b).toEqual({ dtype: 'I32', shape: [3], data_offsets: [16, 28] });
    expect(header.m).toEqual({ dtype: 'BOOL', shape: [3], data_offsets: [28, 31] });
    expect(header.__metadata__).toEqual({ note: 'hi' });
    expect(new DataView(bytes.buffer).getFloat32(8 + n + 4, true)).toBe(-2);
    const decoded = decodeSafetensors(bytes);
    expect(decoded.metadata).toEqual({ note: 'hi' });
    expect([...decoded.tensors.keys()]).toEqual(['a/w', 'b', 'm', 'empty']);
    expect(Array.from(decoded.tensors.get('a/w')!.data)).toEqual([1.5, -2, 3.25, 4]);
    expect(Array.from(decoded.tensors.get('b')!.data)).toEqual([-7, 9, 2 ** 31 - 1]);
    expect(decoded.tensors.get('m')).toEqual({ dtype: 'bool', shape: [3], data: new Uint8Array([1, 0, 1]) });
    expect(decoded.tensors.get('empty')!.shape).toEqual([0, 2]);
  });

  it('reads files other writers make (unpadded header, any tensor order)', () => {
    const data = new Uint8Array(new Float32Array([1, 2, 3]).buffer);
    const bytes = file(
      {
        y: { dtype: 'F32', shape: [1], data_offsets: [8, 12] },
        x: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
      },
      data,
    );
    const { tensors } = decodeSafetensors(bytes);
    expect(Array.from(tensors.get('x')!.data)).toEqual([1, 2]);
    expect(Array.from(tensors.get('y')!.data)).toEqual([3]);
  });

  const f32 = (n: number) => new Uint8Array(n * 4);
  const bad: [string, Uint8Array, RegExp][] = [
    [
      'shorter than 8 bytes',
      new Uint8Array(5),
      /the file is 5 bytes; it must start with an 8-byte header length/,
    ],
    [
      'header length past the end',
      (() => {
        const b = file({});
        new DataView(b.buffer).setUint32(0, 999, true);
        return b;
      })(),
      /header length 999 \(bytes 0-7\) exceeds the 2 bytes after it/,
    ],
    [
      'header length over 2^32',
      (() => {
        const b = file({});
        new DataView(b.buffer).setUint32(4, 1, true);
        return b;
      })(),
      /header length 4294967298/,
    ],
    ['header not JSON', file(null, undefined, '{"a": '), /header \(bytes 8-14\) is not valid JSON/],
    [
      'header not UTF-8',
      (() => {
        const b = file(null, undefined, '{"a":1}');
        b[10] = 0xff;
        return b;
      })(),
      /not valid UTF-8/,
    ],
    ['header an array', file([]), /header must be a JSON object/],
    ['metadata not strings', file({ __metadata__: { a: 1 } }), /__metadata__ "a" must be a string/],
    [
      'unsupported dtype',
      file({ w: { dtype: 'F64', shape: [1], data_offsets: [0, 8] } }, new Uint8Array(8)),
      /tensor "w": dtype F64 is not supported \(descent holds F32, I32 and BOOL\)/,
    ],
    [
      'unknown dtype',
      file({ w: { dtype: 'Q7', shape: [1], data_offsets: [0, 4] } }, f32(1)),
      /tensor "w": unknown dtype "Q7"/,
    ],
    [
      'negative shape',
      file({ w: { dtype: 'F32', shape: [-1], data_offsets: [0, 4] } }, f32(1)),
      /tensor "w": shape must be non-negative integers, got \[-1\]/,
    ],
    [
      'offsets past the data',
      file({ w: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }, f32(1)),
      /tensor "w": data_offsets \[0, 8\] are outside the 4 data bytes/,
    ],
    [
      'size not matching the shape',
      file({ w: { dtype: 'F32', shape: [2], data_offsets: [0, 4] } }, f32(1)),
      /tensor "w": F32 \[2\] needs 8 bytes but data_offsets \[0, 4\] hold 4/,
    ],
    [
      'reversed offsets',
      file({ w: { dtype: 'F32', shape: [0], data_offsets: [4, 0] } }, f32(1)),
      /data_offsets \[4, 0\] are outside/,
    ],
    [
      'overlapping tensors',
      file(
        {
          a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
          b: { dtype: 'F32', shape: [2], data_offsets: [4, 12] },
        },
        f32(3),
      ),
      /tensor "b" \(data bytes 4-12\) overlaps tensor "a"/,
    ],
    [
      'a gap in the data',
      file({ a: { dtype: 'F32', shape: [1], data_offsets: [4, 8] } }, f32(2)),
      /data bytes 0-4 belong to no tensor/,
    ],
    [
      'trailing bytes',
      file({ a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, f32(2)),
      /cover 4 data bytes but the file has 8/,
    ],
    [
      'a __proto__ tensor',
      file(null, f32(1), '{"__proto__":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}'),
      /invalid tensor name "__proto__"/,
    ],
    [
      'extra fields',
      file({ w: { dtype: 'F32', shape: [1], data_offsets: [0, 4], x: 1 } }, f32(1)),
      /unexpected field "x"/,
    ],
  ];
  it.each(bad)('refuses a file with %s', (_, bytes, message) => {
    expect(() => decodeSafetensors(bytes)).toThrow(SerializationError);
    expect(() => decodeSafetensors(bytes)).toThrow(message);
  });

  it('a __proto__ key cannot pollute anything', () => {
    const bytes = file(null, new Uint8Array(0), '{"__metadata__":{"__proto__":"x"}}');
    expect(() => decodeSafetensors(bytes)).toThrow(/__metadata__ "__proto__"/);
    expect(({} as Record<string, unknown>).dtype).toBeUndefined();
  });
});

describe('save → load → predict', () => {
  it('a CNN with BatchNormalization (trained state) and Dropout gives identical outputs after loading from disk', async () => {
    const model = cnn().init(rt);
    const x = rt.tensor(
      Float32Array.from({ length: 2 * 72 }, (_, i) => Math.sin(i * 0.37)),
      [2, 6, 6, 2],
    );
    model.call(x, { training: true }); // moves BN's moving statistics away from their initial values
    const before = model.call(x).dataSync();
    await saveModel(model, join(dir, 'cnn'));
    expect((await readdir(join(dir, 'cnn'))).sort()).toEqual(['model.json', 'model.safetensors']);

    const fresh = runtime(123);
    const loaded = await loadModel(fresh, join(dir, 'cnn'));
    expect(loaded).toBeInstanceOf(Sequential);
    expect((loaded as Sequential).layers.map((l) => l.name)).toEqual(model.layers.map((l) => l.name));
    const after = loaded.call(fresh.tensor(x.dataSync(), x.shape)).dataSync();
    expect(Array.from(after)).toEqual(Array.from(before));
    const json = JSON.parse(await readFile(join(dir, 'cnn', 'model.json'), 'utf8'));
    expect(json.model.className).toBe('Sequential');
    expect(json.model.plugin).toBe('@descent/layers');
    expect(json.inputShape).toEqual([null, 6, 6, 2]);
    expect(json.model.config.layers[0]).toMatchObject({
      className: 'Conv2D',
      config: { filters: 3, padding: 'same', activation: 'relu' },
    });
  });

  it('every built-in layer class and option survives the config round trip, nested models too', () => {
    const model = sequential([
      new Embedding({
        inputDim: 20,
        outputDim: 6,
        inputShape: [4],
        embeddingsInitializer: new Constant({ value: 0.5 }),
      }),
      new LayerNormalization({ axis: [-1], epsilon: 1e-5, center: false }),
      new Dense({
        units: 3,
        activation: 'gelu',
        useBias: false,
        kernelInitializer: 'heNormal',
        trainable: false,
      }),
      new Reshape({ targetShape: [2, 2, 3] }),
      sequential(
        [
          new Conv2D({ filters: 2, kernelSize: [2, 1], dilationRate: [1, 1], padding: 'same' }),
          new AvgPool2D({ poolSize: 1 }),
        ],
        { name: 'block' },
      ),
      new MaxPool2D({ poolSize: 2, strides: 1, padding: 'same' }),
      new BatchNormalization({ momentum: 0.9 }),
      new Dropout({ rate: 0.1, noiseShape: [null, 1, 1, null] }),
      new GlobalAveragePooling2D(),
      new Activation({ activation: 'swish' }),
      new Flatten(),
    ]).init(rt);
    const json = JSON.parse(JSON.stringify(modelToJSON(model)));
    const classes = new Set<string>();
    const walk = (l: { className: string; config: { layers?: unknown[] } }) => {
      classes.add(l.className);
      for (const c of l.config.layers ?? []) walk(c as never);
    };
    walk(json.model);
    expect([...classes].sort()).toEqual(Object.keys(builtinLayers).sort());
    const again = modelFromJSON(rt, json);
    expect(JSON.stringify(modelToJSON(again))).toEqual(JSON.stringify(json));
    expect(again.countParams('trainable')).toBe(model.countParams('trainable'));
    expect(again.countParams('nonTrainable')).toBe(model.countParams('nonTrainable'));
    expect(paths(again)).toEqual(paths(model));
  });

  it('saveWeights / loadWeights into a model built in code; the write is atomic', async () => {
    const model = cnn().init(rt);
    const path = join(dir, 'weights.safetensors');
    await saveWeights(model, path);
    const copy = cnn().init(runtime(99));
    await loadWeights(copy, path);
    const x = rt.tensor(new Float32Array(72).fill(0.5), [1, 6, 6, 2]);
    expect(Array.from(copy.call(copy.runtime!.tensor(x.dataSync(), x.shape)).dataSync())).toEqual(
      Array.from(model.call(x).dataSync()),
    );
    // No temporary file is left behind; a failed write leaves the previous file intact.
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const good = await readFile(path);
    const unbuilt = cnn();
    await expect(saveWeights(unbuilt, path)).rejects.toThrow(/not built/);
    expect(Buffer.compare(await readFile(path), good)).toBe(0);
  });

  it('a weights file with a wrong shape or a missing tensor fails naming the path and both shapes, and changes nothing', async () => {
    const model = sequential([new Dense({ units: 3, inputShape: [4] }), new Dense({ units: 2 })]).init(rt);
    const kernel = (model.params().dense as Record<string, Tensor>).kernel!;
    const original = Array.from(kernel.dataSync());
    const wrongShape = await encodeSafetensors([
      ['dense/kernel', rt.tensor(new Float32Array(8), [4, 2])],
      ['dense/bias', rt.tensor(new Float32Array(3), [3])],
      ['dense_1/kernel', rt.tensor(new Float32Array(6), [3, 2])],
      ['dense_1/bias', rt.tensor(new Float32Array(2), [2])],
    ]);
    const path = join(dir, 'wrong.safetensors');
    await writeFile(path, wrongShape);
    const err = await loadWeights(model, path).catch((e) => e);
    expect(err).toBeInstanceOf(SerializationError);
    expect(err.path).toBe('dense/kernel');
    expect(err.message).toContain('"dense/kernel": the file has shape [4,2], the model expects [4,3]');
    expect(Array.from((model.params().dense as Record<string, Tensor>).kernel!.dataSync())).toEqual(original);

    const missing = await encodeSafetensors([
      ['dense/kernel', rt.tensor(new Float32Array(12), [4, 3])],
      ['dense/bias', rt.tensor(new Float32Array(3), [3])],
      ['dense_1/kernel', rt.tensor(new Float32Array(6), [3, 2])],
    ]);
    expect(() => loadWeightsFromSafetensors(model, missing)).toThrow(
      /"dense_1\/bias": missing from the file \(the model expects float32 \[2\]\)/,
    );
    const extra = await encodeSafetensors([
      ...model.variables().map((v) => [v.path, v.variable.value] as const),
      ['dense_2/kernel', rt.tensor([1])],
    ]);
    expect(() => loadWeightsFromSafetensors(model, extra)).toThrow(
      /"dense_2\/kernel": in the file but not a weight of the model/,
    );
    loadWeightsFromSafetensors(model, extra, { strict: false });
    const wrongDtype = await encodeSafetensors([
      ...model
        .variables()
        .slice(1)
        .map((v) => [v.path, v.variable.value] as const),
      ['dense/kernel', rt.tensor(new Int32Array(12), [4, 3])],
    ]);
    expect(() => loadWeightsFromSafetensors(model, wrongDtype)).toThrow(
      /"dense\/kernel": the file has dtype int32, the model expects float32/,
    );
    await writeFile(join(dir, 'truncated.safetensors'), wrongShape.subarray(0, wrongShape.length - 3));
    await expect(loadWeights(model, join(dir, 'truncated.safetensors'))).rejects.toThrow(
      /truncated\.safetensors: safetensors: /,
    );
    await expect(loadWeights(model, join(dir, 'nope.safetensors'))).rejects.toThrow(
      /cannot read weights file/,
    );
  });

  it('createModel models save weights, not config', async () => {
    const d = new Dense({ units: 2 });
    const model = createModel({ layers: [d], forward: (x) => d.call(x) }).init(rt, [null, 3]);
    expect(() => modelToJSON(model)).toThrow(/forward function is code/);
    await saveWeights(model, join(dir, 'composed.safetensors'));
  });

  it('config errors: wrong format, bad layer options, unknown classes name what to install', () => {
    expect(() => modelFromJSON(rt, { format: 'keras' })).toThrow(/not a descent model config/);
    const json = modelToJSON(sequential([new Dense({ units: 2 })]));
    const broken = {
      ...json,
      model: {
        ...json.model,
        config: { ...json.model.config, layers: [{ className: 'Dense', config: { units: -1 } }] },
      },
    };
    expect(() => modelFromJSON(rt, broken)).toThrow(
      /invalid layer config: Dense: units must be a positive integer, got -1/,
    );
    const unknown = { ...json, model: { className: 'Transformer', config: {} } };
    expect(() => modelFromJSON(rt, unknown)).toThrow(UnknownPluginError);
    expect(() => modelFromJSON(rt, unknown)).toThrow(/Unknown layer "Transformer"/);
  });
});

describe('custom layer plugins round-trip', () => {
  class Scale extends Layer<{ scale: Tensor }> {
    readonly className = 'Scale';
    readonly init0: number;
    constructor(args: { init?: number; name?: string } = {}) {
      super(args);
      this.init0 = args.init ?? 1;
    }
    protected override build(inputShape: SymbolicShape) {
      this.addWeight('scale', [inputShape[inputShape.length - 1]!], {
        initializer: new Constant({ value: this.init0 }),
        regularizer: {
          className: 'l2',
          getConfig: () => ({ l2: 0.1 }),
          penalty: (w) => mul(sum(square(w)), 0.1),
        },
      });
    }
    protected forward(x: Tensor, w: { scale: Tensor }) {
      return mul(x, w.scale);
    }
    override getConfig() {
      return { ...super.getConfig(), init: this.init0 };
    }
  }
  const scalePlugin = {
    name: 'scale-plugin',
    version: '1.0.0',
    install: (ctx: import('@descent/core').PluginContext) =>
      ctx.register('layer', 'Scale', (c) => new Scale(c as never)),
  };
  const l2Plugin = {
    name: 'l2-plugin',
    version: '1.0.0',
    install: (ctx: import('@descent/core').PluginContext) =>
      ctx.register('regularizer', 'l2', (c: { l2: number }) => ({
        className: 'l2',
        getConfig: () => c,
        penalty: (w: Tensor) => mul(sum(square(w)), c.l2),
      })),
  };

  it('saves with the plugin name, loads through the registry, and a missing plugin is named', async () => {
    const a = runtime(1);
    a.use(scalePlugin);
    const model = sequential([
      new Dense({
        units: 3,
        inputShape: [2],
        kernelRegularizer: {
          className: 'l2',
          getConfig: () => ({ l2: 0.01 }),
          penalty: (w) => mul(sum(square(w)), 0.01),
        },
      }),
      new Scale({ init: 3 }),
    ]).init(a);
    const x = a.tensor([[1, -1]]);
    const before = Array.from(model.call(x).dataSync());
    await saveModel(model, join(dir, 'custom'));
    const json = JSON.parse(await readFile(join(dir, 'custom', 'model.json'), 'utf8'));
    expect(json.model.config.layers[1]).toMatchObject({
      className: 'Scale',
      plugin: 'scale-plugin',
      config: { name: 'scale', init: 3 },
    });
    expect(json.model.config.layers[0].config.kernelRegularizer).toEqual({
      className: 'l2',
      config: { l2: 0.01 },
    });

    const without = runtime(2);
    const err = await loadModel(without, join(dir, 'custom')).catch((e) => e);
    expect(err).toBeInstanceOf(UnknownPluginError);
    expect(err.message).toMatch(
      /Unknown layer "Scale"\. It was registered by the plugin "scale-plugin" when the model was saved/,
    );

    const b = runtime(3);
    b.use(scalePlugin);
    await expect(loadModel(b, join(dir, 'custom'))).rejects.toThrow(
      /Unknown regularizer "l2".*@descent\/regularizers/,
    );
    b.use(l2Plugin);
    const loaded = await loadModel(b, join(dir, 'custom'));
    expect(Array.from(loaded.call(b.tensor([[1, -1]])).dataSync())).toEqual(before);
    // The regularizers came back too: 0.1·Σscale² = 0.1·27 plus 0.01·Σkernel².
    const kernel = Array.from((model.params().dense as Record<string, Tensor>).kernel!.dataSync());
    const expected = 2.7 + 0.01 * kernel.reduce((s, v) => s + v * v, 0);
    expect(loaded.regularizationLoss().dataSync()[0]).toBeCloseTo(expected, 5);
  });
});
