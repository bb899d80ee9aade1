import type { Backend, BackendMemory, DType, Shape, TensorInfo, TypedArray } from '@descent/core';
import { fmtShape, sizeOf, UnsupportedError } from '@descent/core';
import type { GPU } from 'gpu.js';
import { GpuContextError } from './gpu-context-error';
import { widthOf } from './internal/codegen';
import {
  type Device,
  type DeviceBuffer,
  type GpujsMode,
  type GpujsResolvedMode,
  type KernelArg,
  openDevice,
} from './internal/device';
import { decode, encode } from './internal/encode';

export type { GpujsMode, GpujsResolvedMode } from './internal/device';

/** Options of `gpujsBackend`. */
export interface GpujsBackendOptions {
  /**
   * Which gpu.js backend to run on: 'webgl2' or 'webgpu' in a browser, 'headlessgl' in Node
   * (needs the optional peer `gl`), 'webgl' for WebGL1 browsers, or 'gpu' (default): the first
   * of headless-gl, WebGL2 and WebGL that works. There is no CPU fallback: an unavailable
   * mode throws `GpuContextError` when the backend is created.
   */
  mode?: GpujsMode;
}

/**
 * What a gpujs tensor's `dataId` points to: `length` floats on the device (a gpu.js pipeline
 * texture, or a WebGPU storage buffer). float32 and bool take one float per element, int32 two
 * (its 16-bit halves, so every int32 is exact). Empty tensors have no buffer.
 */
export interface GpujsData {
  /** Number of floats on the device. */
  readonly length: number;
  /** @internal */
  buffer: DeviceBuffer | null;
}

/**
 * A kernel to run: gpu.js kernel source (the JavaScript subset gpu.js translates) that returns
 * the float at output position `o` (`this.thread.x`). It reads the inputs as `x0`, `x1`, ...
 * (flat float arrays: element i of an int32 input is at 2i and 2i + 1), the scalars as `s0`,
 * `s1`, ... and may use the uniforms `inf` and `nan`. Kernels are compiled once per distinct body
 * and output size and cached, so bodies should hold shapes as literals and values as scalars.
 */
export interface GpujsProgram {
  /** The kernel body: returns the float at output position `o`. */
  readonly body: string;
  /** Non-empty tensors only. */
  readonly inputs?: readonly TensorInfo[];
  /** Numbers the body reads as `s0`, `s1`, ... (uniforms, so new values need no recompilation). */
  readonly scalars?: readonly number[];
}

const IDENTITY = 'return x0[o];';

/**
 * Most floats one tensor may hold: kernels address elements by float index arithmetic, exact
 * for integers up to 2^24 (16,777,216 float32 or bool elements, half as many int32 ones).
 */
export const MAX_FLOATS = 2 ** 24;

/**
 * The gpu.js backend: every tensor lives on the GPU as a float32 texture (WebGL2, WebGL,
 * headless-gl) or storage buffer (WebGPU) between ops; kernels are gpu.js kernels generated per
 * (op, shapes, attrs), compiled once and cached. Values come back only in `read` / `readSync`.
 *
 * @example
 * import { createRuntime } from '@descent/core';
 * import { gpujsBackend } from '@descent/backend-gpujs';
 * const rt = createRuntime({ plugins: [gpujsBackend({ mode: 'webgl2' })] });
 * const b = rt.backend() as GpujsBackend;
 * b.mode; // 'webgl2'
 */
export class GpujsBackend implements Backend {
  readonly name = 'gpujs';
  readonly precision = 'float32';
  /** The mode this backend runs in ('gpu' resolved to the one it found). */
  readonly mode: GpujsResolvedMode;
  /** Synchronous reads: present on GL modes, absent on WebGPU (whose reads are asynchronous). */
  readonly readSync?: (info: TensorInfo) => TypedArray;
  private readonly device: Device;
  private readonly live = new Set<GpujsData>();
  private floats = 0;
  private readbacks = 0;

  constructor(options: GpujsBackendOptions = {}) {
    this.device = openDevice(options.mode ?? 'gpu');
    this.mode = this.device.mode;
    if (this.device.readSync) {
      const readSync = this.device.readSync.bind(this.device);
      this.readSync = (info) => {
        const data = this.data(info, 'readSync');
        this.readbacks++;
        return decode(
          data.buffer ? readSync(data.buffer) : new Float32Array(0),
          info.dtype,
          sizeOf(info.shape),
        );
      };
    }
  }

  /**
   * The gpu.js `GPU` instance the kernels run on: an escape hatch for instrumentation (its
   * `context` is the WebGL context) and advanced interop; kernels and textures it holds belong
   * to this backend.
   */
  get gpu(): GPU {
    return this.device.gpu;
  }

  write(values: TypedArray, shape: Shape, dtype: DType): TensorInfo {
    this.checkSize('write', shape, dtype);
    const floats = encode(values, dtype);
    if (floats.length === 0) return this.adopt(shape, dtype, null);
    return this.adopt(shape, dtype, this.launch(IDENTITY, floats.length, [floats]));
  }

  async read(info: TensorInfo): Promise<TypedArray> {
    const data = this.data(info, 'read');
    this.readbacks++;
    const floats = data.buffer ? await this.device.read(data.buffer) : new Float32Array(0);
    return decode(floats, info.dtype, sizeOf(info.shape));
  }

  free(info: TensorInfo): void {
    const data = info.dataId as GpujsData;
    if (!this.live.delete(data)) return;
    this.floats -= data.length;
    if (data.buffer) this.device.free(data.buffer);
    data.buffer = null;
  }

  /**
   * `buffers` and `textures`: live device arrays (one per tensor storage, views share one);
   * `bytes`: their float32 payload. `compilations` counts gpu.js kernels compiled, `kernels`
   * those cached, `readbacks` reads of values to the host.
   */
  memory(): BackendMemory {
    return {
      bytes: this.floats * 4,
      buffers: this.live.size,
      textures: this.live.size,
      compilations: this.device.compilations,
      kernels: this.device.kernels,
      readbacks: this.readbacks,
    };
  }

  destroy(): void {
    this.live.clear();
    this.floats = 0;
    this.device.destroy();
  }

  /**
   * For kernels: runs a program producing a tensor of `shape` and `dtype` (`widthOf(dtype)`
   * floats per element), or makes an empty one without running anything.
   */
  run(program: GpujsProgram, shape: Shape, dtype: DType): TensorInfo {
    const length = this.checkSize('run', shape, dtype);
    if (length === 0) return this.adopt(shape, dtype, null);
    const inputs = (program.inputs ?? []).map((info, i) => {
      const data = this.data(info, 'run');
      if (!data.buffer) throw new Error(`internal: input x${i} of a gpujs program is empty`);
      return data.buffer;
    });
    return this.adopt(
      shape,
      dtype,
      this.launch(program.body, length, [...inputs, ...(program.scalars ?? [])]),
    );
  }

  /** Wraps a body as a gpu.js kernel function (inputs, scalars, then inf/nan if used) and runs it. */
  private launch(body: string, length: number, args: KernelArg[]): DeviceBuffer {
    const names: string[] = [];
    let x = 0;
    let s = 0;
    for (const a of args) names.push(typeof a === 'number' ? `s${s++}` : `x${x++}`);
    const values = [...args];
    for (const special of ['inf', 'nan'] as const) {
      if (new RegExp(`\\b${special}\\b`).test(body)) {
        names.push(special);
        values.push(special === 'inf' ? Infinity : Number.NaN);
      }
    }
    const source = `function(${names.join(', ')}) {\nconst o = this.thread.x;\n${body}\n}`;
    return this.device.run({ source, length, args: values });
  }

  private checkSize(what: string, shape: Shape, dtype: DType): number {
    const length = sizeOf(shape) * widthOf(dtype);
    if (length > MAX_FLOATS) {
      throw new UnsupportedError(
        what,
        `a ${dtype} tensor of shape ${fmtShape(shape)} needs ${length} floats on the gpujs backend; at most 2^24 = ${MAX_FLOATS} fit (${dtype === 'int32' ? 'int32 takes two per element; ' : ''}split the work or use the CPU backend)`,
      );
    }
    return length;
  }

  private adopt(shape: Shape, dtype: DType, buffer: DeviceBuffer | null): TensorInfo {
    const data: GpujsData = { length: sizeOf(shape) * widthOf(dtype), buffer };
    this.live.add(data);
    this.floats += data.length;
    return { dataId: data, shape, dtype };
  }

  private data(info: TensorInfo, what: string): GpujsData {
    const data = info.dataId as GpujsData;
    if (!this.live.has(data)) throw new GpuContextError(this.mode, `${what}: the tensor's data was freed`);
    return data;
  }
}
