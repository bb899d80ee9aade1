import {
  checkFunction,
  checkOptions,
  checkRuntime,
  describeValue,
  InvalidArgumentError,
  type Runtime,
  type Tensor,
} from '@descent/core';
import type { HostTensor } from './host-tensor';
import { disposeUnkept } from './internal/fields';
import { permutation, uniformSource } from './internal/random-source';
import { stackExamples } from './internal/stack-examples';

/** One field of an example: host values (a host tensor, a number, an array of numbers) or a tensor. */
export type Field = HostTensor | Tensor | number | readonly number[];

/** One example: named fields, such as `{ x, y }`. */
export type Example = { readonly [name: string]: Field };

/** A batch: each field with a new first axis, on the host or on a backend. */
export type Batch = { readonly [name: string]: HostTensor | Tensor };

/** The batch `batch()` makes from examples of type `T`. */
export type Batched<T> = { readonly [K in keyof T]: T[K] extends Tensor ? Tensor : HostTensor };

/** What an iteration may use: the runtime whose RNG drives shuffles (the trainer passes its own). */
export interface IterationContext {
  /** The runtime whose RNG shuffles draw from (a shuffle with its own `seed` needs none). */
  readonly runtime?: Runtime;
}

/** What a dataset is made of: how to iterate it and what is known about it. */
export interface DatasetSource<T> {
  /** Number of elements: a count, `Infinity` (endless), or undefined when unknown. */
  readonly size?: number;
  /** Whether elements are batches (the trainer batches datasets that are not). */
  readonly batched?: boolean;
  /** A fresh pass over the elements; called once per epoch. */
  iterate(ctx: IterationContext): AsyncIterator<T> | Iterator<T>;
  /** Random access to element `index` (in-memory datasets), which lets shuffles avoid buffering. */
  get?(index: number): T;
}

/** Options of `dataset.shuffle`. */
export interface ShuffleOptions {
  /**
   * Elements held at once (TF.js' `bufferSize`). By default the whole dataset, a full
   * permutation; required when the size is unknown or endless.
   */
  bufferSize?: number;
  /**
   * A seed for a stream of the dataset's own. By default the shuffle draws from the runtime's
   * RNG (`iterate({ runtime })`), which a checkpoint saves, so a resumed run shuffles the same.
   */
  seed?: number;
  /** A new order on every pass (epoch). Default true. */
  reshuffleEachEpoch?: boolean;
}

/**
 * A re-iterable, lazy sequence of elements (examples or batches), in the spirit of `tf.data`:
 * each pass (`for await`, or `iterate(ctx)`) is an epoch. Operators return new datasets and
 * never change this one. Host data stays on the host until the trainer uploads a batch.
 *
 * Elements that hold tensors belong to whoever pulls them: `map` disposes the tensors of its
 * input that its output does not keep, `batch` stacks and disposes them, and the trainer
 * disposes each batch after its step.
 *
 * @example
 * const { train } = await mnist();
 * const batches = train.shuffle().batch(64).prefetch(2);
 * for await (const { x, y } of batches.iterate({ runtime: rt })) {
 *   // x: float32 [64, 28, 28, 1], y: int32 [64] on the host
 * }
 */
export class Dataset<T> implements AsyncIterable<T> {
  constructor(private readonly source: DatasetSource<T>) {
    if (typeof source?.iterate !== 'function')
      throw new InvalidArgumentError('Dataset', 'the source must have an iterate(ctx) function');
  }

  /** Number of elements: a count, `Infinity` for an endless dataset, undefined when unknown. */
  get size(): number | undefined {
    return this.source.size;
  }

  /** Whether elements are batches. */
  get batched(): boolean {
    return this.source.batched ?? false;
  }

  /** Whether `at(i)` works (in-memory datasets, and `take`/`skip` of them). */
  get randomAccess(): boolean {
    return (
      this.source.get !== undefined && this.source.size !== undefined && Number.isFinite(this.source.size)
    );
  }

  /** Element `index` of a random-access dataset. */
  at(index: number): T {
    const { get, size } = this.source;
    if (!get || size === undefined)
      throw new InvalidArgumentError(
        'at',
        'this dataset has no random access (it is not an in-memory dataset)',
      );
    if (!Number.isInteger(index) || index < 0 || index >= size)
      throw new InvalidArgumentError('at', `index ${index} is out of range for ${size} elements`);
    return get(index);
  }

  /**
   * A fresh pass over the elements. Give the runtime whose RNG shuffles draw from. The pass is
   * async-iterable, so `for await (const b of ds.iterate({ runtime }))` works.
   */
  iterate(ctx: IterationContext = {}): AsyncIterableIterator<T> {
    checkContext('iterate', ctx);
    const it = this.source.iterate(ctx);
    if (Symbol.asyncIterator in it) return it as AsyncIterableIterator<T>;
    return (async function* () {
      const sync = it as Iterator<T>;
      try {
        for (let r = sync.next(); !r.done; r = sync.next()) yield r.value;
      } finally {
        sync.return?.();
      }
    })();
  }

  /**
   * Iterates one pass with no context, so `for await (const x of ds)` works for datasets that need
   * no runtime.
   */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.iterate();
  }

  /**
   * Each element through `fn` (sync or async). Tensors of the input that the output does not
   * hold are disposed after `fn` returns.
   *
   * @example
   * const scaled = ds.map(({ x, y }) => ({ x: hostTensor(x.data.map((v) => v / 255), x.shape), y }));
   */
  map<U>(fn: (element: T, index: number) => U | Promise<U>): Dataset<U> {
    if (typeof fn !== 'function') throw new InvalidArgumentError('map', 'expected a function');
    const upstream = this;
    return new Dataset<U>({
      size: this.size,
      batched: this.batched,
      async *iterate(ctx) {
        const it = upstream.iterate(ctx);
        let i = 0;
        try {
          for (let r = await it.next(); !r.done; r = await it.next()) {
            const out = await fn(r.value, i++);
            disposeUnkept(r.value, out);
            yield out;
          }
        } finally {
          await it.return?.();
        }
      },
    });
  }

  /** The elements for which `predicate` holds (the size becomes unknown). */
  filter(predicate: (element: T, index: number) => boolean | Promise<boolean>): Dataset<T> {
    if (typeof predicate !== 'function') throw new InvalidArgumentError('filter', 'expected a function');
    const upstream = this;
    return new Dataset<T>({
      batched: this.batched,
      async *iterate(ctx) {
        const it = upstream.iterate(ctx);
        let i = 0;
        try {
          for (let r = await it.next(); !r.done; r = await it.next()) {
            if (await predicate(r.value, i++)) yield r.value;
            else disposeUnkept(r.value);
          }
        } finally {
          await it.return?.();
        }
      },
    });
  }

  /**
   * Groups consecutive examples into batches of `size` (the last one smaller unless
   * `dropRemainder`). Fields are stacked along a new first axis: host values into one typed
   * array (numbers become float32), tensors on their backend.
   *
   * @example
   * fromArrays({ x, y }).batch(32); // elements { x: [32, ...], y: [32] }
   */
  batch(
    this: Dataset<Example>,
    size: number,
    options: { dropRemainder?: boolean } = {},
  ): Dataset<Batched<T>> {
    if (!Number.isInteger(size) || size < 1)
      throw new InvalidArgumentError('batch', `size must be a positive integer, got ${size}`);
    checkOptions('batch', options);
    const drop = options.dropRemainder ?? false;
    const upstream = this;
    const n = this.size;
    return new Dataset<Batched<T>>({
      batched: true,
      size: n === undefined || !Number.isFinite(n) ? n : drop ? Math.floor(n / size) : Math.ceil(n / size),
      async *iterate(ctx) {
        const it = upstream.iterate(ctx);
        let pending: Example[] = [];
        let first = 0;
        try {
          for (let r = await it.next(); !r.done; r = await it.next()) {
            pending.push(r.value);
            if (pending.length === size) {
              const b = stackExamples(pending, first);
              first += size;
              pending = [];
              yield b as Batched<T>;
            }
          }
          if (pending.length && !drop) {
            const b = stackExamples(pending, first);
            pending = [];
            yield b as Batched<T>;
          }
        } finally {
          for (const e of pending) disposeUnkept(e);
          await it.return?.();
        }
      },
    });
  }

  /**
   * The elements in a random order, a new one each epoch. By default a full permutation drawn
   * from the runtime's RNG (pass it with `iterate({ runtime })`; the trainer does), so a seeded
   * run is reproducible and a resumed run continues the same sequence. In-memory datasets are
   * permuted by index without copying; others are buffered.
   *
   * @example
   * const epochOrder = ds.shuffle();                  // runtime RNG, full permutation
   * const stream = gen.shuffle({ bufferSize: 1000 }); // TF.js-style buffer for endless data
   */
  shuffle(options: ShuffleOptions = {}): Dataset<T> {
    checkOptions('shuffle', options);
    const { bufferSize, seed } = options;
    const reshuffle = options.reshuffleEachEpoch ?? true;
    if (bufferSize !== undefined && (!Number.isInteger(bufferSize) || bufferSize < 1))
      throw new InvalidArgumentError('shuffle', `bufferSize must be a positive integer, got ${bufferSize}`);
    if (seed !== undefined && (!Number.isSafeInteger(seed) || seed < 0))
      throw new InvalidArgumentError('shuffle', `seed must be a non-negative integer, got ${seed}`);
    const n = this.size;
    const full = bufferSize === undefined || (n !== undefined && bufferSize >= n);
    if (full && (n === undefined || !Number.isFinite(n)))
      throw new InvalidArgumentError(
        'shuffle',
        `the dataset's size is ${n === undefined ? 'unknown' : 'infinite'}; pass a bufferSize`,
      );
    const upstream = this;
    let passes = 0;
    let fixed: Int32Array | undefined;
    // Each pass of a seeded shuffle starts its own stretch of the seed's stream.
    const draw = (ctx: IterationContext) =>
      uniformSource('shuffle', ctx.runtime, seed, seed !== undefined && reshuffle ? passes++ * 2 ** 32 : 0);
    return new Dataset<T>({
      size: n,
      batched: this.batched,
      iterate(ctx) {
        if (!full) return bufferShuffle(upstream, bufferSize!, draw(ctx), ctx);
        const order = (): Int32Array => {
          if (!reshuffle && fixed) return fixed;
          const p = permutation(n!, draw(ctx));
          if (!reshuffle) fixed = p;
          return p;
        };
        if (upstream.randomAccess) {
          return (function* () {
            const perm = order();
            for (let i = 0; i < perm.length; i++) yield upstream.at(perm[i]!);
          })();
        }
        return (async function* () {
          const all: T[] = [];
          const it = upstream.iterate(ctx);
          try {
            for (let r = await it.next(); !r.done; r = await it.next()) all.push(r.value);
          } finally {
            await it.return?.();
          }
          const perm = all.length === n ? order() : permutation(all.length, draw(ctx));
          let i = 0;
          try {
            for (; i < perm.length; i++) yield all[perm[i]!]!;
          } finally {
            for (i++; i < perm.length; i++) disposeUnkept(all[perm[i]!]);
          }
        })();
      },
    });
  }

  /** The first `count` elements. */
  take(count: number): Dataset<T> {
    checkCount('take', count);
    const upstream = this;
    const n = this.size === undefined ? undefined : Math.min(this.size, count);
    return new Dataset<T>({
      size: n,
      batched: this.batched,
      ...(this.randomAccess ? { get: (i: number) => upstream.at(i) } : {}),
      async *iterate(ctx) {
        if (count === 0) return;
        const it = upstream.iterate(ctx);
        let taken = 0;
        try {
          for (let r = await it.next(); !r.done; r = await it.next()) {
            yield r.value;
            if (++taken >= count) return;
          }
        } finally {
          await it.return?.();
        }
      },
    });
  }

  /** All but the first `count` elements. */
  skip(count: number): Dataset<T> {
    checkCount('skip', count);
    const upstream = this;
    const n = this.size === undefined ? undefined : Math.max(0, this.size - count);
    if (this.randomAccess) {
      return new Dataset<T>({
        size: n,
        batched: this.batched,
        get: (i) => upstream.at(i + count),
        *iterate() {
          for (let i = 0; i < n!; i++) yield upstream.at(i + count);
        },
      });
    }
    return new Dataset<T>({
      size: n,
      batched: this.batched,
      async *iterate(ctx) {
        const it = upstream.iterate(ctx);
        let seen = 0;
        try {
          for (let r = await it.next(); !r.done; r = await it.next()) {
            if (seen++ < count) disposeUnkept(r.value);
            else yield r.value;
          }
        } finally {
          await it.return?.();
        }
      },
    });
  }

  /** The elements `count` times over (each pass reshuffles upstream shuffles); endless by default. */
  repeat(count = Number.POSITIVE_INFINITY): Dataset<T> {
    if (typeof count !== 'number' || !(count >= 0) || (Number.isFinite(count) && !Number.isInteger(count)))
      throw new InvalidArgumentError(
        'repeat',
        `count must be a non-negative integer or Infinity, got ${count}`,
      );
    const upstream = this;
    const n = this.size;
    return new Dataset<T>({
      size: n === undefined ? undefined : n === 0 ? 0 : n * count,
      batched: this.batched,
      async *iterate(ctx) {
        for (let pass = 0; pass < count; pass++) {
          const it = upstream.iterate(ctx);
          let any = false;
          try {
            for (let r = await it.next(); !r.done; r = await it.next()) {
              any = true;
              yield r.value;
            }
          } finally {
            await it.return?.();
          }
          if (!any) return;
        }
      },
    });
  }

  /**
   * Pulls up to `count` elements ahead of the consumer, so slow sources (files, async
   * generators) overlap with training steps.
   */
  prefetch(count = 1): Dataset<T> {
    checkCount('prefetch', count);
    const upstream = this;
    return new Dataset<T>({
      size: this.size,
      batched: this.batched,
      async *iterate(ctx) {
        const it = upstream.iterate(ctx);
        const queue: Promise<IteratorResult<T>>[] = [];
        let done = false;
        const pull = () => {
          if (!done) queue.push(it.next());
        };
        try {
          for (let i = 0; i < Math.max(1, count); i++) pull();
          while (queue.length) {
            const r = await queue.shift()!;
            if (r.done) {
              done = true;
              break;
            }
            pull();
            yield r.value;
          }
        } finally {
          done = true;
          for (const p of queue) {
            const r = await p.catch(() => undefined);
            if (r && !r.done) disposeUnkept(r.value);
          }
          await it.return?.();
        }
      },
    });
  }

  /** Every element of one pass, in an array. */
  async toArray(ctx: IterationContext = {}): Promise<T[]> {
    checkContext('toArray', ctx);
    const out: T[] = [];
    await this.forEach((e) => {
      out.push(e);
    }, ctx);
    return out;
  }

  /** Calls `fn` on every element of one pass. */
  async forEach(
    fn: (element: T, index: number) => void | Promise<void>,
    ctx: IterationContext = {},
  ): Promise<void> {
    checkFunction('forEach', 'fn', fn);
    checkContext('forEach', ctx);
    const it = this.iterate(ctx);
    let i = 0;
    try {
      for (let r = await it.next(); !r.done; r = await it.next()) await fn(r.value, i++);
    } finally {
      await it.return?.();
    }
  }
}

/** An iteration context is an object whose `runtime`, if any, is a Runtime. */
function checkContext(op: string, ctx: IterationContext): void {
  checkOptions(op, ctx, 'the iteration context');
  if (ctx.runtime !== undefined) checkRuntime(op, 'ctx.runtime', ctx.runtime);
}

function checkCount(op: string, count: number): void {
  if (!Number.isInteger(count) || count < 0)
    throw new InvalidArgumentError(op, `count must be a non-negative integer, got ${describeValue(count)}`);
}

/** TF.js' buffered shuffle: keep `bufferSize` elements, emit a random one, refill from upstream. */
async function* bufferShuffle<T>(
  upstream: Dataset<T>,
  bufferSize: number,
  uniforms: (n: number) => Float32Array,
  ctx: IterationContext,
): AsyncGenerator<T> {
  const buffer: T[] = [];
  let u: Float32Array = new Float32Array(0);
  let used = 0;
  const pick = (): number => {
    if (used === u.length) {
      u = uniforms(256);
      used = 0;
    }
    return Math.min(buffer.length - 1, Math.floor(u[used++]! * buffer.length));
  };
  const it = upstream.iterate(ctx);
  try {
    for (let r = await it.next(); !r.done; r = await it.next()) {
      if (buffer.length < bufferSize) {
        buffer.push(r.value);
        continue;
      }
      const j = pick();
      const out = buffer[j]!;
      buffer[j] = r.value;
      yield out;
    }
    while (buffer.length) {
      const j = pick();
      const out = buffer[j]!;
      buffer[j] = buffer[buffer.length - 1]!;
      buffer.pop();
      yield out;
    }
  } finally {
    for (const e of buffer) disposeUnkept(e);
    await it.return?.();
  }
}
