import type { Backend, BackendMemory, DType, Shape, TensorInfo, TypedArray } from '@descent/core';
import { InvalidArgumentError, sizeOf } from '@descent/core';
import type { GemmEngine } from './internal/gemm';
import type { GemmThreads } from './internal/wasm/gemm-threads';
import { type WasmHeap, wasmHeap } from './internal/wasm/wasm-heap';

/**
 * What a CPU tensor's `dataId` points to: one flat row-major typed array (Float32Array for
 * float32, Int32Array for int32, Uint8Array of 0/1 for bool). Kernels are plain functions over
 * these arrays, so a faster kernel (WASM SIMD, workers) can replace any one of them.
 */
export interface CpuData {
  /** The tensor's values, row-major. */
  values: TypedArray;
}

/** Options of `cpuBackend`. */
export interface CpuBackendOptions {
  /**
   * 'float64' stores and computes float32 tensors in Float64Array: a slow reference mode for
   * gradient checks and fixtures, not for training. Default 'float32'.
   */
  precision?: 'float32' | 'float64';
  /**
   * Which matmul and convolution kernels run (the other ops have one kernel each):
   * - 'wasm' (default): im2col + GEMM with the GEMM in WebAssembly SIMD for float32 tensors
   *   (`wasm/gemm.c`), falling back to 'js' where WebAssembly SIMD is unavailable and in the
   *   float64 mode;
   * - 'js': the same with a packed, blocked GEMM in plain JavaScript;
   * - 'reference': the straightforward loops both are tested against (`cpuReferenceKernels`).
   */
  kernels?: 'wasm' | 'js' | 'reference';
  /**
   * A GEMM thread pool (`cpuThreads(n)` of `@descent/backend-cpu/node`) that large float32
   * products of the 'wasm' kernels are split over; results are bit-identical to one thread.
   * Default: none, everything runs on the calling thread.
   */
  threads?: GemmThreads;
  /**
   * float32 tensors live in the WebAssembly memory of the 'wasm' kernels (a shared memory with a
   * block allocator, `WasmHeap`), where those kernels and the GEMM threads read and write them
   * with no copies in or out. Default true where WebAssembly shared memory is available (Node; a
   * cross-origin isolated page); false keeps every tensor in a JS array, as always happens in the
   * 'js', 'reference' and float64 modes, and the WASM kernels copy operands in and out.
   */
  residentTensors?: boolean;
}

type TypedArrayConstructor =
  | Float32ArrayConstructor
  | Float64ArrayConstructor
  | Int32ArrayConstructor
  | Uint8ArrayConstructor;

/** Arrays shorter than this are cheap to allocate and are not pooled. */
const POOL_MIN_LENGTH = 256;
/** At most this many freed arrays of one type and length are kept... */
const POOL_PER_SIZE = 8;
/** ...and at most this many bytes in all. */
const POOL_MAX_BYTES = 64 * 2 ** 20;

/**
 * The CPU backend: data lives in typed arrays in this process; every op runs as a kernel from
 * `cpuKernels`. Created by the runtime through the `cpuBackend()` plugin, rarely by hand.
 *
 * @example
 * import { createRuntime } from '@descent/core';
 * import { cpuBackend } from '@descent/backend-cpu';
 * const rt = createRuntime({ plugins: [cpuBackend()] });
 * rt.tensor([1, 2, 3]).dataSync(); // Float32Array [1, 2, 3]
 */
export class CpuBackend implements Backend {
  readonly name = 'cpu';
  readonly precision: 'float32' | 'float64';
  /** The GEMM the matmul and convolution kernels use (see `CpuBackendOptions.kernels`). */
  readonly gemmEngine: GemmEngine;
  private readonly live = new Set<CpuData>();
  private bytes = 0;
  private readonly arrays;
  /**
   * Freed arrays kept for reuse, by storage type and length. A training step frees and
   * allocates the same sizes over and over; zero-filling a recycled array costs far less than
   * allocating a fresh one and later collecting it.
   */
  private readonly pool = new Map<TypedArrayConstructor, Map<number, TypedArray[]>>();
  private pooled = 0;
  /** Where float32 tensors are allocated first, when they are resident. */
  private readonly heap: WasmHeap | null;

  constructor(options: CpuBackendOptions = {}) {
    this.precision = options.precision ?? 'float32';
    if (options.threads && (options.kernels ?? 'wasm') !== 'wasm')
      throw new InvalidArgumentError(
        'cpuBackend',
        `threads run the 'wasm' kernels, got kernels: '${options.kernels}'`,
      );
    this.gemmEngine = options.kernels === 'js' ? 'js' : (options.threads ?? 'wasm');
    const float = this.precision === 'float64' ? Float64Array : Float32Array;
    this.arrays = { float32: float, int32: Int32Array, bool: Uint8Array } as const;
    const resident =
      (options.residentTensors ?? true) &&
      this.precision === 'float32' &&
      (options.kernels ?? 'wasm') === 'wasm';
    this.heap = resident ? wasmHeap() : null;
  }

  /** Whether float32 tensors are allocated in the WebAssembly memory (see `CpuBackendOptions.residentTensors`). */
  get residentTensors(): boolean {
    return this.heap !== null;
  }

  /** A new zero-filled array of the dtype's storage type at this backend's precision. */
  allocate(dtype: DType, size: number): TypedArray {
    return this.take(dtype, size, true);
  }

  /**
   * For kernels that write every element of their output (elementwise ops): like `make` without
   * values, but a recycled array is not zeroed first, so it may hold stale numbers until then.
   */
  makeForOverwrite(shape: Shape, dtype: DType): TensorInfo {
    return this.make(shape, dtype, this.take(dtype, sizeOf(shape), false));
  }

  private take(dtype: DType, size: number, zero: boolean): TypedArray {
    if (dtype === 'float32' && this.heap) {
      const resident = this.heap.allocate(size);
      if (resident) {
        if (zero) this.heap.zero(resident);
        return resident;
      }
      // The WebAssembly memory is full: a JS array, which the kernels copy in and out.
    }
    const type = this.arrays[dtype];
    if (size >= POOL_MIN_LENGTH) {
      const recycled = this.pool.get(type)?.get(size)?.pop();
      if (recycled) {
        this.pooled -= recycled.byteLength;
        return zero ? recycled.fill(0) : recycled;
      }
    }
    return new type(size);
  }

  /** Stores a copy of `values`. */
  write(values: TypedArray, shape: Shape, dtype: DType): TensorInfo {
    // Every element is overwritten: a recycled array needs no zeroing.
    const copy = this.take(dtype, values.length, false);
    copy.set(values);
    return this.make(shape, dtype, copy);
  }

  async read(info: TensorInfo): Promise<TypedArray> {
    return this.readSync(info);
  }

  /** A copy of the values, so callers cannot mutate a tensor. */
  readSync(info: TensorInfo): TypedArray {
    const values = this.values(info);
    // Not slice(): on a view of shared memory it is several times slower than a set.
    const copy = new (values.constructor as TypedArrayConstructor)(values.length);
    copy.set(values);
    return copy;
  }

  free(info: TensorInfo): void {
    const data = info.dataId as CpuData;
    if (!this.live.delete(data)) return;
    this.bytes -= data.values.byteLength;
    if (this.heap?.release(data.values as Float32Array)) return;
    this.recycle(data.values);
  }

  memory(): BackendMemory {
    return { bytes: this.bytes, buffers: this.live.size };
  }

  /** Bytes of freed arrays kept for reuse (at most 64 MiB), not counted in `memory().bytes`. */
  get pooledBytes(): number {
    return this.pooled;
  }

  /** Drops the arrays kept for reuse (`pooledBytes` becomes 0). */
  releasePool(): void {
    this.pool.clear();
    this.pooled = 0;
  }

  private recycle(values: TypedArray): void {
    const n = values.length;
    // Only whole arrays of a type this backend allocates: never a view into a larger buffer.
    if (n < POOL_MIN_LENGTH || values.byteOffset !== 0 || values.buffer.byteLength !== values.byteLength)
      return;
    if (this.pooled + values.byteLength > POOL_MAX_BYTES) return;
    const type = values.constructor as TypedArrayConstructor;
    if (type !== this.arrays.float32 && type !== this.arrays.int32 && type !== this.arrays.bool) return;
    let bySize = this.pool.get(type);
    if (!bySize) this.pool.set(type, (bySize = new Map()));
    let list = bySize.get(n);
    if (!list) bySize.set(n, (list = []));
    if (list.length >= POOL_PER_SIZE) return;
    list.push(values);
    this.pooled += values.byteLength;
  }

  /** For kernels: the typed array behind a handle, not copied (kernels must not write to it). */
  values(info: TensorInfo): TypedArray {
    return (info.dataId as CpuData).values;
  }

  /**
   * For kernels: a new handle owning `values` (adopted, not copied), or zeros when none are given.
   * `values` must be the dtype's array type and hold `sizeOf(shape)` elements.
   */
  make(shape: Shape, dtype: DType, values: TypedArray = this.allocate(dtype, sizeOf(shape))): TensorInfo {
    const data: CpuData = { values };
    this.live.add(data);
    this.bytes += values.byteLength;
    return { dataId: data, shape, dtype };
  }
}
