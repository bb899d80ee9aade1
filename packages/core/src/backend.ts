import type { DType, Shape, TensorInfo, TypedArray } from './types';

/** Memory a backend reports; backends may add their own counters (textures, compilations). */
export interface BackendMemory {
  /** Bytes held by live data buffers. */
  bytes: number;
  /** Live data buffers. */
  buffers: number;
  [extra: string]: number;
}

/**
 * A place where tensor data lives and kernels run. Core only moves data in and out and frees
 * it; all computation goes through kernels registered per op.
 */
export interface Backend {
  /** Name the backend is registered under, e.g. `'cpu'`; tensors refer to their backend by it. */
  readonly name: string;
  /**
   * The precision float32 tensors are computed in: 'float32' (default) or 'float64' for a
   * reference backend (gradient checks).
   */
  readonly precision?: 'float32' | 'float64';
  /**
   * Stores values and returns the handle kernels will see. Float values may come as a
   * Float64Array; the backend rounds them to its precision. `values` may be the caller's own
   * array (`rt.tensor(float32Array)` passes it through): store a copy, never the array itself.
   */
  write(values: TypedArray, shape: Shape, dtype: DType): TensorInfo;
  /** Reads values back; every backend supports this. */
  read(info: TensorInfo): Promise<TypedArray>;
  /** Synchronous read, for backends that can; absent means only `read` works. */
  readSync?(info: TensorInfo): TypedArray;
  /** Frees the data behind a handle. Called once, when the last tensor on it is disposed. */
  free(info: TensorInfo): void;
  /** The backend's own memory counters (bytes and buffers, plus whatever else it tracks). */
  memory(): BackendMemory;
  /** Releases everything (contexts, pools). */
  destroy?(): void;
}

/** How a runtime makes a backend: lazily, the first time it is used. */
export interface BackendFactory {
  /** The package a user installs to get this backend, quoted in error messages. */
  readonly packageName: string;
  /** Higher wins when no default backend is named. */
  readonly priority?: number;
  /** Makes the backend; the runtime calls it once, the first time the backend is used. */
  create(): Backend;
}

/** What a kernel gets: input handles, normalized attributes, its backend and the inferred output. */
export interface KernelArgs<A = Record<string, unknown>, B extends Backend = Backend> {
  /** The op's tensor inputs, in the op's order, alive and on this backend. */
  readonly inputs: readonly TensorInfo[];
  /** The op's attributes, already validated and normalized by the op's `infer`. */
  readonly attrs: A;
  /** The backend the kernel runs on (where it reads the inputs and writes the output). */
  readonly backend: B;
  /** Shape and dtype core inferred for the output; the kernel must produce exactly this. */
  readonly out: {
    /** The output's shape. */
    readonly shape: Shape;
    /** The output's dtype. */
    readonly dtype: DType;
  };
}

/** A backend's implementation of one op. */
export type KernelFn<A = Record<string, unknown>, B extends Backend = Backend> = (
  args: KernelArgs<A, B>,
) => TensorInfo;

/** A kernel as registered: which op, which backend. */
// biome-ignore lint/suspicious/noExplicitAny: kernels with specific attrs and backends must fit one registry slot.
export interface Kernel<A = any, B extends Backend = any> {
  /** Name of the op the kernel implements. */
  readonly op: string;
  /** Name of the backend the kernel runs on. */
  readonly backend: string;
  /** The implementation: returns a new data handle of exactly the inferred shape and dtype. */
  readonly fn: KernelFn<A, B>;
}
