import type { Backend, BackendMemory, DType, Shape, TensorInfo, TypedArray } from '@descent/core';
import { sizeOf } from '@descent/core';

/**
 * What a CPU tensor's `dataId` points to: one flat row-major typed array (Float32Array for
 * float32, Int32Array for int32, Uint8Array of 0/1 for bool). Kernels are plain functions over
 * these arrays, so a faster kernel (WASM SIMD, workers) can replace any one of them.
 */
export interface CpuData {
  values: TypedArray;
}

export interface CpuBackendOptions {
  /**
   * 'float64' stores and computes float32 tensors in Float64Array: a slow reference mode for
   * gradient checks and fixtures, not for training. Default 'float32'.
   */
  precision?: 'float32' | 'float64';
}

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
  private readonly live = new Set<CpuData>();
  private bytes = 0;
  private readonly arrays;

  constructor(options: CpuBackendOptions = {}) {
    this.precision = options.precision ?? 'float32';
    const float = this.precision === 'float64' ? Float64Array : Float32Array;
    this.arrays = { float32: float, int32: Int32Array, bool: Uint8Array } as const;
  }

  /** A new zero-filled array of the dtype's storage type at this backend's precision. */
  allocate(dtype: DType, size: number): TypedArray {
    return new this.arrays[dtype](size);
  }

  /** Stores a copy of `values`. */
  write(values: TypedArray, shape: Shape, dtype: DType): TensorInfo {
    const copy = this.allocate(dtype, values.length);
    copy.set(values);
    return this.make(shape, dtype, copy);
  }

  async read(info: TensorInfo): Promise<TypedArray> {
    return this.readSync(info);
  }

  /** A copy of the values, so callers cannot mutate a tensor. */
  readSync(info: TensorInfo): TypedArray {
    return this.values(info).slice();
  }

  free(info: TensorInfo): void {
    const data = info.dataId as CpuData;
    if (this.live.delete(data)) this.bytes -= data.values.byteLength;
  }

  memory(): BackendMemory {
    return { bytes: this.bytes, buffers: this.live.size };
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
