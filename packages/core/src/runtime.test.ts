import { describe, expect, it } from 'vitest';
import {
  add,
  BackendMismatchError,
  createRuntime,
  DisposedTensorError,
  DTypeError,
  DuplicateRegistrationError,
  exp,
  fill,
  MissingKernelError,
  mul,
  randomUniform,
  reshape,
  ShapeError,
  UnknownPluginError,
} from './index';
import { miniBackend } from './test-utils/mini-backend';

describe('plugins and registry', () => {
  it('registering a duplicate plugin name fails, unless replacing', () => {
    const rt = createRuntime({ plugins: [miniBackend('a', 'p')] });
    expect(() => rt.use(miniBackend('b', 'p'))).toThrow(DuplicateRegistrationError);
    expect(() => rt.use(miniBackend('b', 'p'))).toThrow(/plugin "p" is already registered/);
    expect(() => rt.use(miniBackend('a', 'p'), { replace: true })).not.toThrow();
  });

  it('registering a kernel name twice fails and names the first plugin', () => {
    const rt = createRuntime({ plugins: [miniBackend('a', 'first')] });
    expect(() => rt.use(miniBackend('a', 'second'))).toThrow(
      /backend "a" is already registered by plugin "first"/,
    );
  });

  it('a missing kernel fails with a message naming op and backend', () => {
    const rt = createRuntime({ plugins: [miniBackend('mini')] });
    const x = rt.tensor([1, 2]);
    expect(() => exp(x)).toThrow(MissingKernelError);
    expect(() => exp(x)).toThrow('No kernel for op "exp" on backend "mini"');
  });

  it('an unknown backend names the package that provides it', () => {
    const rt = createRuntime({ plugins: [miniBackend('mini')] });
    expect(() => rt.setBackend('cpu')).toThrow(UnknownPluginError);
    expect(() => rt.setBackend('cpu')).toThrow(/@descent\/backend-cpu/);
    expect(() => createRuntime().tensor([1])).toThrow(/No backend is registered/);
  });

  it('an unknown registry entry names its package', () => {
    const rt = createRuntime();
    expect(() => rt.registry.get('optimizer', 'adamw')).toThrow(
      'Unknown optimizer "adamw". No optimizer is registered. It is provided by @descent/optimizers',
    );
  });

  it('lists installed plugins', () => {
    const rt = createRuntime({ plugins: [miniBackend('a', 'pa'), miniBackend('b', 'pb')] });
    expect(rt.plugins().map((p) => p.name)).toEqual(['pa', 'pb']);
  });
});

describe('backends and runtimes', () => {
  it('two runtimes coexist with their own backends, and tensors do not mix', () => {
    const rt1 = createRuntime({ plugins: [miniBackend('mini')] });
    const rt2 = createRuntime({ plugins: [miniBackend('mini')] });
    const a = rt1.tensor([1, 2]);
    const b = rt2.tensor([10, 20]);
    expect(Array.from(add(a, a).dataSync())).toEqual([2, 4]);
    expect(Array.from(add(b, b).dataSync())).toEqual([20, 40]);
    expect(rt1.backend()).not.toBe(rt2.backend());
    expect(() => add(a, b)).toThrow(BackendMismatchError);
    expect(() => add(a, b)).toThrow(/another runtime/);
  });

  it('two backends live in one runtime; mixing them is an error, moving works', async () => {
    const rt = createRuntime({ plugins: [miniBackend('one'), miniBackend('two')], backend: 'one' });
    const a = rt.tensor([1, 2]);
    const b = rt.tensor([3, 4], undefined, undefined, { backend: 'two' });
    expect(b.backendName).toBe('two');
    expect(() => add(a, b)).toThrow('add: inputs are on backends "one" and "two"');
    const moved = await rt.moveTo(a, 'two');
    expect(Array.from(add(moved, b).dataSync())).toEqual([4, 6]);
    expect(rt.memory().backends.two?.numTensors).toBe(3);
  });

  it('setBackend swaps where new tensors go', () => {
    const rt = createRuntime({ plugins: [miniBackend('one'), miniBackend('two')] });
    rt.setBackend('two');
    expect(rt.tensor([1]).backendName).toBe('two');
    expect(fill(rt, [2], 3).backendName).toBe('two');
  });
});

describe('memory', () => {
  it('tidy frees intermediates and memory() proves it', () => {
    const rt = createRuntime({ plugins: [miniBackend()] });
    const x = rt.tensor([1, 2, 3]);
    const before = rt.memory();
    expect(before).toMatchObject({ numTensors: 1, numBytes: 12 });
    const y = rt.tidy(() => {
      const a = add(x, 1);
      const b = mul(a, a);
      return add(b, x);
    });
    expect(Array.from(y.dataSync())).toEqual([5, 11, 19]);
    const after = rt.memory();
    expect(after.numTensors).toBe(2);
    expect(after.numBytes).toBe(24);
    expect(after.backends.mini?.backend).toEqual({ bytes: 24, buffers: 2 });
    y.dispose();
    expect(rt.memory()).toMatchObject({ numTensors: 1, numBytes: 12 });
  });

  it('tidy keeps returned trees and kept tensors, frees on throw, nests', () => {
    const rt = createRuntime({ plugins: [miniBackend()] });
    const x = rt.tensor([1]);
    const out = rt.tidy(() => {
      const inner = rt.tidy(() => ({ a: add(x, 1), list: [mul(x, 3)], junk: null }));
      rt.keep(add(x, 5));
      add(x, 7);
      return inner;
    });
    expect(out.a.isDisposed).toBe(false);
    expect(out.list[0]!.isDisposed).toBe(false);
    expect(rt.memory().numTensors).toBe(4); // x, a, list[0], the kept one
    expect(() =>
      rt.tidy(() => {
        add(x, 1);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(rt.memory().numTensors).toBe(4);
    expect(() => rt.tidy(() => Promise.resolve(1) as never)).toThrow(/synchronous/);
  });

  it('a view shares data: bytes are freed when the last view goes', () => {
    const rt = createRuntime({ plugins: [miniBackend()] });
    const x = rt.tensor([1, 2, 3, 4]);
    const v = reshape(x, [2, 2]);
    expect(rt.memory()).toMatchObject({ numTensors: 2, numBytes: 16 });
    x.dispose();
    expect(Array.from(v.dataSync())).toEqual([1, 2, 3, 4]);
    expect(rt.memory()).toMatchObject({ numTensors: 1, numBytes: 16 });
    v.dispose();
    expect(rt.memory()).toMatchObject({ numTensors: 0, numBytes: 0 });
    expect(rt.backend().memory()).toEqual({ bytes: 0, buffers: 0 });
  });

  it('retain keeps data alive past the tidy that made it, until disposed', () => {
    const rt = createRuntime({ plugins: [miniBackend()] });
    const x = rt.tensor([1, 2]);
    const held = rt.tidy(() => {
      const y = add(x, 1);
      return { handle: rt.retain(y), y };
    });
    held.y.dispose();
    expect(Array.from(held.handle.dataSync())).toEqual([2, 3]);
    expect(rt.memory()).toMatchObject({ numTensors: 2, numBytes: 16 });
    held.handle.dispose();
    expect(rt.memory()).toMatchObject({ numTensors: 1, numBytes: 8 });
  });

  it('numbers used as scalars are freed after the op', () => {
    const rt = createRuntime({ plugins: [miniBackend()] });
    const x = rt.tensor([1, 2]);
    const y = add(x, 2);
    expect(rt.memory().numTensors).toBe(2);
    expect(Array.from(y.dataSync())).toEqual([3, 4]);
  });
});

describe('bad input', () => {
  const rt = createRuntime({ plugins: [miniBackend()] });

  it('mismatched shapes throw ShapeError with both shapes', () => {
    expect(() => add(rt.tensor([1, 2, 3]), rt.tensor([1, 2]))).toThrow(ShapeError);
    expect(() => add(rt.tensor([1, 2, 3]), rt.tensor([1, 2]))).toThrow(
      'add: shapes [3] and [2] cannot be broadcast: axis -1 has sizes 3 and 2',
    );
    expect(() => reshape(rt.tensor([1, 2, 3]), [2, 2])).toThrow(
      'reshape: cannot reshape [3] (3 elements) to [2,2]',
    );
  });

  it('wrong dtypes throw DTypeError naming the op', () => {
    const i = rt.tensor([1, 2], [2], 'int32');
    const f = rt.tensor([1, 2]);
    expect(() => add(i, f)).toThrow(DTypeError);
    expect(() => add(i, f)).toThrow(
      "add: expected second input (the first input's) of dtype int32, got float32",
    );
    expect(() => exp(i)).toThrow('exp: expected input of dtype float32, got int32');
    expect(() => add(rt.tensor([true, false]), rt.tensor([true, true]))).toThrow(DTypeError);
  });

  it('use after dispose throws DisposedTensorError', async () => {
    const x = rt.tensor([1, 2]);
    x.dispose();
    x.dispose(); // idempotent
    expect(() => add(x, 1)).toThrow(DisposedTensorError);
    expect(() => add(x, 1)).toThrow(/add: tensor #\d+ \(shape \[2\]\) was disposed/);
    expect(() => x.dataSync()).toThrow(DisposedTensorError);
    await expect(x.data()).rejects.toThrow(DisposedTensorError);
  });

  it('non-tensors are rejected with the op name', () => {
    expect(() => exp([1, 2] as never)).toThrow('exp: expected input to be a Tensor, got an array');
    expect(() => add(1, 2)).toThrow('add: at least one input must be a Tensor');
  });
});

describe('RNG', () => {
  const draw = (seed: number) => {
    const rt = createRuntime({ plugins: [miniBackend()], seed });
    return [Array.from(randomUniform(rt, [6]).dataSync()), Array.from(rt.shuffle(10))];
  };

  it('the same seed gives the same sequence, different seeds differ', () => {
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)[0]).not.toEqual(draw(8)[0]);
    expect(draw(7)[1]).not.toEqual(draw(8)[1]);
  });

  it('successive draws are fresh; seed() restarts the stream', () => {
    const rt = createRuntime({ plugins: [miniBackend()], seed: 3 });
    const a = Array.from(randomUniform(rt, [5]).dataSync());
    const b = Array.from(randomUniform(rt, [5]).dataSync());
    expect(a).not.toEqual(b);
    rt.seed(3);
    expect(Array.from(randomUniform(rt, [5]).dataSync())).toEqual(a);
  });

  it('rngState/setRngState resume the stream exactly', () => {
    const rt = createRuntime({ plugins: [miniBackend()], seed: 9 });
    randomUniform(rt, [7]);
    const saved = JSON.parse(JSON.stringify(rt.rngState()));
    const next = Array.from(randomUniform(rt, [5]).dataSync());
    const other = createRuntime({ plugins: [miniBackend()], seed: 123 });
    other.setRngState(saved);
    expect(Array.from(randomUniform(other, [5]).dataSync())).toEqual(next);
    expect(() => other.setRngState({ key: [1, -1], counter: 0 } as never)).toThrow(/setRngState: expected/);
  });

  it('shuffle is a permutation', () => {
    const rt = createRuntime({ plugins: [miniBackend()], seed: 1 });
    const p = Array.from(rt.shuffle(1000));
    expect([...p].sort((x, y) => x - y)).toEqual([...Array(1000).keys()]);
    expect(p).not.toEqual([...Array(1000).keys()]);
    expect(() => rt.seed(-1)).toThrow(/non-negative safe integer/);
  });
});
