import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, InvalidArgumentError, ShapeError, type Tensor } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { Dataset } from './dataset';
import { fromArrays } from './from-arrays';
import { fromGenerator } from './from-generator';
import { fromTensors } from './from-tensors';
import { type HostTensor, hostTensor } from './host-tensor';

const rt = () => createRuntime({ plugins: [cpuBackend()], seed: 7 });

/** 10 examples: x = [i, 10 + i] (float32), y = i (int32). */
function tiny(n = 10) {
  const x = new Float32Array(n * 2).map((_, k) => (k % 2 ? 10 : 0) + Math.floor(k / 2));
  const y = Int32Array.from({ length: n }, (_, i) => i);
  return fromArrays({ x: hostTensor(x, [n, 2]), y: hostTensor(y) });
}

const ids = async (ds: Dataset<{ y: HostTensor }>, runtime = rt()) =>
  (await ds.toArray({ runtime })).map((e) => e.y.data[0]);

describe('fromArrays', () => {
  it('yields rows of every column as views, with random access', async () => {
    const ds = tiny();
    expect(ds.size).toBe(10);
    expect(ds.randomAccess).toBe(true);
    const e = ds.at(3);
    expect(e.x.shape).toEqual([2]);
    expect(Array.from(e.x.data)).toEqual([3, 13]);
    expect(e.y.shape).toEqual([]);
    expect(e.y.dtype).toBe('int32');
    expect(await ids(ds)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('accepts nested arrays and 1-D typed arrays', async () => {
    const ds = fromArrays({
      x: [
        [1, 2],
        [3, 4],
      ],
      y: new Int32Array([0, 1]),
    });
    const [a, b] = await ds.toArray();
    expect(Array.from(a!.x.data)).toEqual([1, 2]);
    expect(b!.y.dtype).toBe('int32');
  });

  it('refuses columns of different lengths, naming both shapes', () => {
    expect(() =>
      fromArrays({ x: hostTensor(new Float32Array(6), [3, 2]), y: hostTensor(new Int32Array(4)) }),
    ).toThrow(/fromArrays: columns must share their first axis: "x" is \[3,2\], "y" is \[4\]/);
    expect(() => fromArrays({ x: [[1, 2], [3]] })).toThrow(ShapeError);
  });
});

describe('batch', () => {
  it('stacks fields along a new first axis; the last batch is smaller unless dropped', async () => {
    const batches = await tiny().batch(4).toArray();
    expect(tiny().batch(4).size).toBe(3);
    expect(batches.map((b) => b.x.shape)).toEqual([
      [4, 2],
      [4, 2],
      [2, 2],
    ]);
    expect(Array.from(batches[1]!.y.data)).toEqual([4, 5, 6, 7]);
    expect(batches[1]!.y.dtype).toBe('int32');
    expect(Array.from(batches[2]!.x.data)).toEqual([8, 18, 9, 19]);
    expect(await tiny().batch(4, { dropRemainder: true }).toArray()).toHaveLength(2);
    expect(tiny().batch(4).batched).toBe(true);
  });

  it('numbers and number arrays become float32', async () => {
    const ds = fromGenerator(function* () {
      yield { x: [1, 2], y: 3 };
      yield { x: [4, 5], y: 6 };
    });
    const [b] = await ds.batch(2).toArray();
    expect(b!.x.dtype).toBe('float32');
    expect(b!.x.shape).toEqual([2, 2]);
    expect(Array.from(b!.y.data)).toEqual([3, 6]);
  });

  it('names the field and the example whose shape differs', async () => {
    const ds = fromGenerator(function* () {
      yield { x: [1, 2], y: 0 };
      yield { x: [1, 2, 3], y: 1 };
    });
    await expect(ds.batch(2).toArray()).rejects.toThrow(
      /batch: field "x" of example 1 is float32 \[3\], example 0 has float32 \[2\]/,
    );
  });

  it('stacks tensor fields on their backend and frees the example tensors', async () => {
    const r = rt();
    const ds = fromGenerator(function* () {
      for (let i = 0; i < 3; i++) yield { x: r.tensor([i, i]) };
    });
    const before = r.memory().numTensors;
    const [b] = await ds.batch(3).toArray();
    const x = b!.x as Tensor;
    expect(x.shape).toEqual([3, 2]);
    expect(Array.from(x.dataSync())).toEqual([0, 0, 1, 1, 2, 2]);
    x.dispose();
    expect(r.memory().numTensors).toBe(before);
  });
});

describe('shuffle', () => {
  it('draws a full permutation from the runtime RNG, a new one each epoch, reproducibly', async () => {
    const ds = tiny().shuffle();
    const a = rt();
    const e1 = await ids(ds, a);
    const e2 = await ids(ds, a);
    expect([...e1].sort((p, q) => p! - q!)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(e1).not.toEqual(e2);
    // The same draws as rt.shuffle on a runtime in the same state.
    expect(e1).toEqual(Array.from(rt().shuffle(10)));
    const b = rt();
    expect(await ids(ds, b)).toEqual(e1);
    expect(await ids(ds, b)).toEqual(e2);
  });

  it('continues the same sequence after the RNG position is restored (resume)', async () => {
    const ds = tiny().shuffle();
    const a = rt();
    await ids(ds, a);
    const saved = a.rngState();
    const next = await ids(ds, a);
    const b = rt();
    b.setRngState(saved);
    expect(await ids(ds, b)).toEqual(next);
  });

  it('needs a runtime or a seed; a seed gives its own reproducible stream', async () => {
    await expect(tiny().shuffle().toArray()).rejects.toThrow(InvalidArgumentError);
    const s1 = tiny().shuffle({ seed: 3 });
    const s2 = tiny().shuffle({ seed: 3 });
    const [a1, a2] = [await ids(s1), await ids(s1)];
    expect(await ids(s2)).toEqual(a1);
    expect(await ids(s2)).toEqual(a2);
    expect(a1).not.toEqual(a2);
    const fixed = tiny().shuffle({ seed: 3, reshuffleEachEpoch: false });
    expect(await ids(fixed)).toEqual(await ids(fixed));
  });

  it('buffers datasets without random access, and streams with a bufferSize', async () => {
    const gen = fromGenerator(function* () {
      for (let i = 0; i < 50; i++) yield { y: hostTensor(new Int32Array([i])) };
    });
    const all = await ids(gen.shuffle({ bufferSize: 8 }));
    expect([...all].sort((p, q) => p! - q!)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(all).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(() => gen.shuffle()).toThrow(/size is unknown; pass a bufferSize/);
    const sized = fromGenerator(
      function* () {
        for (let i = 0; i < 20; i++) yield { y: hostTensor(new Int32Array([i])) };
      },
      { size: 20 },
    );
    expect((await ids(sized.shuffle())).sort((p, q) => p! - q!)).toHaveLength(20);
  });
});

describe('map, filter, take, skip, repeat, prefetch', () => {
  it('compose lazily and keep sizes', async () => {
    const ds = tiny()
      .map(({ x, y }) => ({
        x: hostTensor(
          x.data.map((v) => v * 2),
          x.shape,
        ),
        y,
      }))
      .skip(2)
      .take(5)
      .repeat(2)
      .prefetch(3);
    expect(ds.size).toBe(10);
    const out = await ds.toArray();
    expect(out.map((e) => e.y.data[0])).toEqual([2, 3, 4, 5, 6, 2, 3, 4, 5, 6]);
    expect(Array.from(out[0]!.x.data)).toEqual([4, 24]);
    expect(tiny().skip(8).at(1).y.data[0]).toBe(9);
    expect(await ids(tiny().filter((e) => e.y.data[0]! % 3 === 0))).toEqual([0, 3, 6, 9]);
    expect(tiny().repeat().size).toBe(Number.POSITIVE_INFINITY);
    expect(await ids(tiny().repeat().take(12))).toHaveLength(12);
  });

  it('map frees input tensors its output drops; prefetch frees what it pulled when stopped early', async () => {
    const r = rt();
    const before = r.memory().numTensors;
    const ds = fromGenerator(function* () {
      for (let i = 0; i < 10; i++) yield { x: r.tensor([i]) };
    })
      .map(({ x }) => ({ x: r.tensor([x.dataSync()[0]! * 2]) }))
      .prefetch(4);
    const it = ds.iterate();
    const first = await it.next();
    (first.value as { x: Tensor }).x.dispose();
    await it.return?.();
    expect(r.memory().numTensors).toBe(before);
  });

  it('fromGenerator is re-iterable, sync or async', async () => {
    const ds = fromGenerator(async function* () {
      yield 1;
      yield 2;
    });
    expect(await ds.toArray()).toEqual([1, 2]);
    expect(await ds.toArray()).toEqual([1, 2]);
  });

  it('a pass from iterate() works with for await, for in-memory, sync and async sources', async () => {
    // Also a type check (pnpm typecheck): iterate() must return an async iterable.
    const seen: number[] = [];
    for await (const e of tiny(3).shuffle().iterate({ runtime: rt() })) seen.push(e.y.data[0]!);
    for await (const v of fromGenerator(function* () {
      yield 10;
    }).iterate())
      seen.push(v);
    for await (const v of fromGenerator(async function* () {
      yield 20;
    }).iterate())
      seen.push(v);
    expect(seen.slice(0, 3).sort()).toEqual([0, 1, 2]);
    expect(seen.slice(3)).toEqual([10, 20]);
  });

  it('fromTensors reads tensors once and leaves them to the caller', async () => {
    const r = rt();
    const x = r.tensor([
      [1, 2],
      [3, 4],
    ]);
    const y = r.tensor(new Int32Array([0, 1]));
    const ds = await fromTensors({ x, y });
    expect(ds.size).toBe(2);
    expect(Array.from(ds.at(1).x.data)).toEqual([3, 4]);
    expect(ds.at(1).y.dtype).toBe('int32');
    expect(x.isDisposed).toBe(false);
  });

  it('rejects bad arguments', () => {
    expect(() => tiny().batch(0)).toThrow(/batch: size must be a positive integer/);
    expect(() => tiny().take(-1)).toThrow(InvalidArgumentError);
    expect(() => tiny().at(10)).toThrow(/index 10 is out of range for 10 elements/);
    expect(() => new Dataset({} as never)).toThrow(InvalidArgumentError);
  });
});
