import { DisposedTensorError, UnsupportedError } from './errors';
import { formatTensor } from './internal/format';
import type { Storage } from './internal/storage';
import type { Runtime } from './runtime';
import { sizeOf } from './shape';
import type { DType, NestedArray, Shape, TensorInfo, TypedArray } from './types';

let nextId = 0;

/**
 * An n-dimensional array on one backend of one runtime. Row-major; immutable values.
 * Several tensors may view the same data (reshape); the data is freed when the last is disposed.
 *
 * @example
 * const t = rt.tensor([[1, 2], [3, 4]]);
 * t.shape; // [2, 2]
 * await t.data(); // Float32Array [1, 2, 3, 4]
 */
export class Tensor {
  /** Unique number of the tensor in the process, shown in errors about it. */
  readonly id = nextId++;
  /** Number of elements (the product of the shape). */
  readonly size: number;
  private disposedFlag = false;
  /** @internal kept tensors survive `tidy`. */
  kept = false;

  /** @internal */
  constructor(
    /** The runtime that made the tensor. */
    readonly runtime: Runtime,
    /** @internal */ readonly storage: Storage,
    /** The shape, row-major. */
    readonly shape: Shape,
    /** `'float32'`, `'int32'` or `'bool'`. */
    readonly dtype: DType,
    /** Name of the backend that holds the data. */
    readonly backendName: string,
  ) {
    this.size = sizeOf(shape);
    storage.refs++;
  }

  /** Number of axes. */
  get rank(): number {
    return this.shape.length;
  }

  /** Whether the tensor was disposed (its data may already be freed). */
  get isDisposed(): boolean {
    return this.disposedFlag;
  }

  /** What a kernel sees of this tensor. Throws if disposed; `op` names the caller in the error. */
  info(op = 'read'): TensorInfo {
    this.assertAlive(op);
    const { dataId } = this.storage.info;
    return { dataId, shape: this.shape, dtype: this.dtype };
  }

  /** Throws `DisposedTensorError` naming `op` if the tensor was disposed. */
  assertAlive(op: string): void {
    if (this.disposedFlag) throw new DisposedTensorError(op, this.id, this.shape);
  }

  /** Values as a flat typed array (a copy), on every backend. */
  async data(): Promise<TypedArray> {
    const info = this.info('data');
    return this.storage.backend.read(info);
  }

  /** Values, synchronously, where the backend can (CPU, WebGL); otherwise throws, use `data()`. */
  dataSync(): TypedArray {
    const info = this.info('dataSync');
    const { backend } = this.storage;
    if (!backend.readSync) {
      throw new UnsupportedError(
        'dataSync',
        `backend "${backend.name}" reads asynchronously only; use await t.data()`,
      );
    }
    return backend.readSync(info);
  }

  /** Values as nested arrays, like `tensor.tolist()` in PyTorch. */
  async array(): Promise<NestedArray> {
    return nest(await this.data(), this.shape);
  }

  /** Values as nested arrays, read synchronously (backends with `readSync` only). */
  arraySync(): NestedArray {
    return nest(this.dataSync(), this.shape);
  }

  /** Frees this tensor's hold on its data; idempotent. */
  dispose(): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
    this.runtime.release(this);
  }

  /** Prints values like NumPy / TF.js (when the backend can read synchronously). */
  toString(): string {
    if (this.disposedFlag) return `Tensor #${this.id} (disposed)`;
    const head = `Tensor ${this.dtype} [${this.shape.join(',')}] on ${this.backendName}`;
    if (!this.storage.backend.readSync) return `${head}\n<values on the device: use await t.data()>`;
    return `${head}\n${formatTensor(this.dataSync(), this.shape, this.dtype)}`;
  }
}

function nest(values: TypedArray, shape: Shape): NestedArray {
  if (shape.length === 0) return values[0]!;
  const build = (axis: number, offset: number, stride: number): NestedArray[] => {
    const n = shape[axis]!;
    const inner = stride / (n || 1);
    const out: NestedArray[] = [];
    for (let i = 0; i < n; i++) {
      out.push(axis === shape.length - 1 ? values[offset + i]! : build(axis + 1, offset + i * inner, inner));
    }
    return out;
  };
  return build(0, 0, sizeOf(shape));
}
