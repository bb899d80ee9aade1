import type { GPU as GpuInstance, Texture as TextureType } from 'gpu.js';
import { GpuContextError } from '../gpu-context-error';
import { GPU, KERNELS, Texture, type WebGPUBuffer, WebGPUBufferResult } from './gpujs-lib';

/** The modes an app can ask for; 'gpu' picks the first GL one that works (headless-gl, WebGL2, WebGL). */
export type GpujsMode = 'gpu' | 'webgl2' | 'webgl' | 'headlessgl' | 'webgpu';
/** The mode a backend actually runs in. */
export type GpujsResolvedMode = Exclude<GpujsMode, 'gpu'>;

/** A kernel argument: a device buffer (texture), a Float32Array to upload, or a float uniform. */
export type KernelArg = DeviceBuffer | Float32Array | number;

/** A device-resident array of floats: a gpu.js pipeline texture (GL) or storage buffer (WebGPU). */
export interface DeviceBuffer {
  /** Number of floats. */
  readonly length: number;
}

/** One kernel launch: generated source, output length, arguments in source order. */
export interface Launch {
  readonly source: string;
  readonly length: number;
  readonly args: readonly KernelArg[];
}

/** What the backend needs from gpu.js: run cached kernels, read and free their outputs. */
export interface Device {
  readonly mode: GpujsResolvedMode;
  readonly gpu: GpuInstance;
  /** Kernels compiled by gpu.js so far (cache misses, and gpu.js' own recompiles). */
  readonly compilations: number;
  /** Kernels in the cache. */
  readonly kernels: number;
  run(launch: Launch): DeviceBuffer;
  /** Absent where reads are asynchronous only (WebGPU). */
  readSync?(buffer: DeviceBuffer): Float32Array;
  read(buffer: DeviceBuffer): Promise<Float32Array>;
  free(buffer: DeviceBuffer): void;
  destroy(): void;
}

// biome-ignore lint/suspicious/noExplicitAny: gpu.js kernels are loosely typed callables.
type GpuKernel = ((...args: any[]) => any) & { kernel: any; destroy(removeGlContext?: boolean): void };

const KERNEL_CLASSES = KERNELS;

const SUPPORTED: Record<GpujsResolvedMode, () => boolean> = {
  headlessgl: () => GPU.isHeadlessGLSupported,
  webgl2: () => GPU.isWebGL2Supported,
  webgl: () => GPU.isWebGLSupported,
  webgpu: () => GPU.isWebGPUSupported,
};

const HINT: Record<GpujsResolvedMode, string> = {
  headlessgl:
    'the optional peer dependency "gl" (headless-gl) is not installed or its native build failed; on Linux it also needs an X display (run under xvfb-run)',
  webgl2: 'this environment has no WebGL2 context with float textures',
  webgl: 'this environment has no WebGL context with float textures',
  webgpu: 'navigator.gpu is missing (WebGPU needs a secure context and a browser that enables it)',
};

/** Whether a mode can run here (for WebGPU: the API exists; the adapter is requested on first use). */
export function isModeSupported(mode: GpujsMode): boolean {
  if (mode === 'gpu') return (['headlessgl', 'webgl2', 'webgl'] as const).some((m) => isModeSupported(m));
  try {
    if (!SUPPORTED[mode]()) return false;
    if (mode === 'webgpu') return true;
    return Boolean(
      KERNEL_CLASSES[mode].features?.isTextureFloat && KERNEL_CLASSES[mode].features?.isFloatRead,
    );
  } catch {
    return false;
  }
}

/** Opens a gpu.js device of `mode`, or throws GpuContextError: never a silent CPU fallback. */
export function openDevice(mode: GpujsMode): Device {
  let resolved: GpujsResolvedMode;
  if (mode === 'gpu') {
    const found = (['headlessgl', 'webgl2', 'webgl'] as const).find((m) => isModeSupported(m));
    if (!found) {
      throw new GpuContextError(
        'gpu',
        'no GPU context with float textures: neither headless-gl (Node, optional peer "gl"), WebGL2 nor WebGL is available here',
      );
    }
    resolved = found;
  } else if (mode in SUPPORTED) {
    resolved = mode;
    if (!isModeSupported(mode)) throw new GpuContextError(mode, `not available: ${HINT[mode]}`);
  } else {
    throw new GpuContextError(
      String(mode),
      "unknown mode; expected 'gpu', 'webgl2', 'webgl', 'headlessgl' or 'webgpu'",
    );
  }
  const gpu = new GPU({ mode: resolved });
  return resolved === 'webgpu' ? new WebGpuDevice(gpu) : new GlDevice(gpu, resolved);
}

/** Settings every kernel shares: float32 textures, a new output texture per call, highp. */
function kernelSettings(length: number) {
  return {
    output: [length] as number[],
    pipeline: true,
    immutable: true,
    precision: 'single',
    tactic: 'precision',
    loopMaxIterations: 1 << 24,
  } as const;
}

abstract class CachingDevice {
  compilations = 0;
  protected readonly cache = new Map<string, { run: GpuKernel; impl: unknown }>();
  protected destroyed = false;

  constructor(
    readonly gpu: GpuInstance,
    readonly mode: GpujsResolvedMode,
  ) {}

  get kernels(): number {
    return this.cache.size;
  }

  /**
   * The cached kernel for a launch, compiled on first use: a kernel per source, output length
   * and input lengths. gpu.js bakes each input's texture size into the shader and does not check
   * it on later calls, so one body run on inputs of another length would index them wrongly.
   */
  protected kernel(launch: Launch): { run: GpuKernel; impl: unknown } {
    if (this.destroyed) throw new GpuContextError(this.mode, 'the backend was destroyed');
    const inputs = launch.args.map((a) => (typeof a === 'number' ? 's' : a.length)).join(',');
    const key = `${launch.length}\n${inputs}\n${launch.source}`;
    let k = this.cache.get(key);
    if (!k) {
      const run = this.gpu.createKernel(launch.source, kernelSettings(launch.length)) as unknown as GpuKernel;
      k = { run, impl: null };
      this.cache.set(key, k);
      this.compilations++;
    }
    return k;
  }

  /** After a run: the kernel must still be the GPU kernel of our mode (gpu.js may swap in a CPU one). */
  protected checkKernel(k: { run: GpuKernel; impl: unknown }): void {
    const impl = k.run.kernel;
    if (!(impl instanceof KERNEL_CLASSES[this.mode])) {
      const reason = impl?.fallbackReason ? `: ${impl.fallbackReason}` : '';
      throw new GpuContextError(
        this.mode,
        `gpu.js fell back to ${impl?.constructor?.name ?? 'another kernel'}${reason}`,
      );
    }
    if (k.impl !== impl) {
      // gpu.js recompiled behind the shortcut (an argument type changed): count it.
      if (k.impl !== null) this.compilations++;
      k.impl = impl;
    }
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.release();
  }

  /** Destroys the kernels (and the textures they keep) and the context. */
  protected release(): void {
    this.cache.clear();
    void this.gpu.destroy();
  }
}

/** A pipeline texture; `texture` is gpu.js' handle (a clone sharing the GL texture, refcounted). */
class GlBuffer implements DeviceBuffer {
  constructor(
    readonly length: number,
    public texture: TextureType | null,
  ) {}
}

/** WebGL2, WebGL and headless-gl: synchronous kernels and reads. */
class GlDevice extends CachingDevice implements Device {
  run(launch: Launch): DeviceBuffer {
    const k = this.kernel(launch);
    const args = launch.args.map((a) => (a instanceof GlBuffer ? live(a, this.mode).texture : a));
    // gpu.js skips setting a float uniform equal (===) to the last one it set, and -0 === 0: after
    // fill(-0), fill(0) would keep -0. Forget the cached uniforms whenever a scalar is a zero.
    const impl = k.run.kernel as { uniform1fCache?: Record<string, number> } | undefined;
    if (impl?.uniform1fCache && args.some((a) => a === 0)) impl.uniform1fCache = {};
    const out = k.run(...args);
    this.checkKernel(k);
    if (!(out instanceof Texture)) {
      throw new GpuContextError(this.mode, 'a kernel returned values instead of a texture (not on the GPU)');
    }
    return new GlBuffer(launch.length, out);
  }

  readSync(buffer: DeviceBuffer): Float32Array {
    const t = live(buffer as GlBuffer, this.mode).texture as unknown as { toArray(): Float32Array };
    const values = t.toArray();
    return values.length === buffer.length ? values : values.subarray(0, buffer.length);
  }

  read(buffer: DeviceBuffer): Promise<Float32Array> {
    try {
      return Promise.resolve(this.readSync(buffer));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  free(buffer: DeviceBuffer): void {
    const b = buffer as GlBuffer;
    b.texture?.delete();
    b.texture = null;
  }
}

function live(b: GlBuffer, mode: string): GlBuffer & { texture: TextureType } {
  if (!b.texture) throw new GpuContextError(mode, 'internal: a freed texture was used');
  return b as GlBuffer & { texture: TextureType };
}

/**
 * A WebGPU storage buffer that will exist once the launches before it ran. WebGPU kernels are
 * asynchronous in gpu.js (the first call of each builds its pipeline asynchronously), while ops
 * are issued synchronously: launches, frees and reads go through one ordered queue, and a
 * buffer's handle is set when its launch has run (or its error, rethrown by reads).
 */
class GpuBufferRef implements DeviceBuffer {
  handle: WebGPUBuffer | null = null;
  error: unknown = null;
  constructor(readonly length: number) {}
  get(): WebGPUBuffer {
    if (this.error !== null) throw this.error;
    if (!this.handle) throw new Error('internal: WebGPU buffer used before its kernel ran');
    return this.handle;
  }
}

class WebGpuDevice extends CachingDevice implements Device {
  private tail: Promise<void> = Promise.resolve();

  constructor(gpu: GpuInstance) {
    super(gpu, 'webgpu');
  }

  private enqueue(step: () => Promise<void> | void): Promise<void> {
    const done = this.tail.then(step);
    this.tail = done.catch(() => {});
    return done;
  }

  run(launch: Launch): DeviceBuffer {
    const k = this.kernel(launch);
    const out = new GpuBufferRef(launch.length);
    // Arrays are snapshotted now: the caller may reuse them after this call returns.
    const args = launch.args.map((a) => (a instanceof Float32Array ? a.slice() : a));
    this.enqueue(async () => {
      const values = args.map((a) => (a instanceof GpuBufferRef ? a.get() : a));
      const result = await k.run(...values);
      this.checkKernel(k);
      if (!(result instanceof WebGPUBufferResult)) {
        throw new GpuContextError(this.mode, 'a kernel returned values instead of a GPU buffer');
      }
      out.handle = result as WebGPUBuffer;
    }).catch((err) => {
      out.error = wrapWebGpuError(err);
    });
    return out;
  }

  read(buffer: DeviceBuffer): Promise<Float32Array> {
    const ref = buffer as GpuBufferRef;
    let pending: Promise<Float32Array> | undefined;
    // The copy to a staging buffer is encoded in queue order; only the map is awaited.
    return this.enqueue(() => {
      pending = Promise.resolve(ref.get().toArray() as Promise<Float32Array>);
    }).then(async () => {
      const values = Float32Array.from(await pending!);
      return values.length === buffer.length ? values : values.subarray(0, buffer.length);
    });
  }

  free(buffer: DeviceBuffer): void {
    const ref = buffer as GpuBufferRef;
    // After every launch issued so far, which may still read it.
    this.enqueue(() => {
      ref.handle?.delete();
      ref.handle = null;
    }).catch(() => {});
  }

  override destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    // After the launches and reads already issued.
    this.enqueue(() => this.release()).catch(() => {});
  }
}

function wrapWebGpuError(err: unknown): unknown {
  if (err instanceof GpuContextError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/adapter|navigator\.gpu|device was lost/i.test(message)) return new GpuContextError('webgpu', message);
  return err;
}
