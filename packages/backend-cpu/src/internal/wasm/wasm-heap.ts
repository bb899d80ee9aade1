import { GEMM_SHARED_WASM_BASE64 } from './gemm-shared-binary';
import { align4, decodeBase64, type GemmExports, heapStart } from './wasm-gemm';

/** The shared module's largest memory (scripts/build-wasm.mjs links it with a 2 GiB maximum). */
const MAX_PAGES = 32768;
const PAGE = 65536;

/**
 * The WebAssembly memory float32 tensors live in (decision 10): one shared memory with the
 * shared-memory build of the kernels instantiated over it, and a block allocator. The WASM
 * kernels read and write resident tensors where they are, with no copies in or out, and GEMM
 * worker threads (`GemmThreads`) instantiate the same module over the same memory.
 *
 * Shared, because growing a shared memory never detaches the views made before (growing an
 * unshared one would empty every tensor's array). Blocks are 16-byte aligned and hold whole
 * vectors of four floats, so the C loops' last vector stays inside its block. Freed blocks are
 * kept by size for the next block of that size, as a training step frees and allocates the same
 * sizes; the memory never shrinks (neither does TF.js's wasm heap). Not thread-safe: only the
 * thread that made it allocates.
 */
export class WasmHeap {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  /** The kernels, instantiated on this thread. */
  readonly mod: GemmExports;
  /** Byte offset of this thread's GEMM scratch. */
  readonly work: number;
  /** Every buffer `memory` has had: a view on any of them is resident. */
  private readonly buffers = new WeakSet<ArrayBufferLike>();
  private buffer: ArrayBufferLike;
  /** Bytes from here on are unallocated. */
  private top: number;
  /** Live tensor blocks (as `allocate` gave them): byte offset → byte size. */
  private readonly blocks = new Map<number, number>();
  /** Freed blocks by byte size: their byte offsets. */
  private readonly freed = new Map<number, number[]>();
  private freedBytes = 0;
  private scratch = { at: 0, bytes: 0 };

  /** `maxPages` (64 KiB each) caps the memory; tests use a small one to reach the cap. */
  constructor(module: WebAssembly.Module, maxPages = MAX_PAGES) {
    this.module = module;
    this.memory = new WebAssembly.Memory({ initial: 17, maximum: maxPages, shared: true });
    this.mod = new WebAssembly.Instance(module, { env: { memory: this.memory } })
      .exports as unknown as GemmExports;
    this.buffer = this.memory.buffer;
    this.buffers.add(this.buffer);
    this.top = heapStart(this.mod) * 4;
    const work = this.allocateBytes(this.mod.work_floats() * 4);
    if (work < 0) throw new RangeError('WasmHeap: no room for the GEMM scratch');
    this.work = work;
  }

  /** Bytes of freed blocks kept for reuse, and the memory's size. */
  get stats(): { freedBytes: number; memoryBytes: number } {
    return { freedBytes: this.freedBytes, memoryBytes: this.memory.buffer.byteLength };
  }

  /** A float32 array of `length` in this memory, or null when the memory is full. Not zeroed. */
  allocate(length: number): Float32Array | null {
    const bytes = align4(Math.max(length, 1)) * 4;
    const at = this.allocateBytes(bytes);
    if (at < 0) return null;
    this.blocks.set(at, bytes);
    return new Float32Array(this.buffer, at, length);
  }

  /** Frees `x`'s block if `x` is a whole block of this heap (as `allocate` gave it); says whether it did. */
  release(x: Float32Array): boolean {
    const at = x.byteOffset;
    const bytes = this.blocks.get(at);
    if (bytes === undefined || !this.buffers.has(x.buffer) || align4(Math.max(x.length, 1)) * 4 !== bytes)
      return false;
    this.blocks.delete(at);
    this.keep(at, bytes);
    return true;
  }

  /**
   * Byte offset of `x[0]` where `x` lives in this memory, else -1. With `wholeVectors`, only for
   * a whole block (its last vector of four is inside it), as elementwise C loops need.
   */
  addressOf(x: Float32Array, wholeVectors = false): number {
    if (!this.buffers.has(x.buffer)) return -1;
    if (wholeVectors && (this.blocks.get(x.byteOffset) ?? 0) < align4(x.length) * 4) return -1;
    return x.byteOffset;
  }

  /** Zeroes `x` (memory.fill: a shared view's own fill is several times slower). */
  zero(x: Float32Array): void {
    const at = this.addressOf(x);
    if (at >= 0) this.mod.fill_zero(at, x.length);
    else x.fill(0);
  }

  /**
   * Float offsets of temporary regions of `sizes` floats (16-byte aligned) in one scratch block
   * kept between calls, valid until the next call; null when the memory cannot hold them.
   */
  reserve(sizes: readonly number[]): number[] | null {
    let end = 0;
    const at = sizes.map((n) => {
      const o = end;
      end = align4(o + n);
      return o;
    });
    const bytes = end * 4;
    if (bytes > this.scratch.bytes) {
      if (this.scratch.bytes > 0) this.keep(this.scratch.at, this.scratch.bytes);
      // Room to spare, so a scratch that grows by a little each call is not remade each time.
      const want = Math.ceil((bytes * 1.25) / 16) * 16;
      const got = this.allocateBytes(want);
      if (got < 0) {
        this.scratch = { at: 0, bytes: 0 };
        return null;
      }
      this.scratch = { at: got, bytes: want };
    }
    const base = this.scratch.at / 4;
    return at.map((o) => base + o);
  }

  /** A Float32Array over the whole memory as it is now. */
  floats(): Float32Array {
    return new Float32Array(this.memory.buffer);
  }

  /** A block of `bytes` (a multiple of 16) that `release` will not free: scratch for a thread. */
  permanent(bytes: number): number {
    return this.allocateBytes(align4(bytes / 4) * 4);
  }

  /** Byte offset of `bytes` (a multiple of 16), a freed block of that size or fresh; -1 when full. Not a tensor block until `allocate` says so. */
  private allocateBytes(bytes: number): number {
    const list = this.freed.get(bytes);
    let at = list?.pop();
    if (at !== undefined) this.freedBytes -= bytes;
    else {
      at = this.top;
      const end = at + bytes;
      const have = this.buffer.byteLength;
      if (end > have) {
        // Grow by at least an eighth, so a growing model does not grow the memory every step.
        const pages = Math.max(Math.ceil((end - have) / PAGE), Math.ceil(have / PAGE / 8));
        if (!this.grow(pages) && !this.grow(Math.ceil((end - have) / PAGE))) return -1;
      }
      this.top = end;
    }
    return at;
  }

  private grow(pages: number): boolean {
    try {
      this.memory.grow(pages);
    } catch {
      return false;
    }
    this.buffer = this.memory.buffer;
    this.buffers.add(this.buffer);
    return true;
  }

  private keep(at: number, bytes: number): void {
    if (at + bytes === this.top) {
      this.top = at;
      return;
    }
    let list = this.freed.get(bytes);
    if (!list) this.freed.set(bytes, (list = []));
    list.push(at);
    this.freedBytes += bytes;
  }
}

let heap: WasmHeap | null | undefined;

/**
 * This thread's heap for resident tensors, made on first use; null where shared WebAssembly
 * memory or a synchronous compile is unavailable (a browser page that is not cross-origin
 * isolated, or a main thread that refuses to compile synchronously): tensors then stay in JS
 * arrays and the kernels copy them in and out of the unshared module's memory.
 */
export function wasmHeap(): WasmHeap | null {
  if (heap !== undefined) return heap;
  heap = null;
  try {
    if (typeof SharedArrayBuffer !== 'undefined' && typeof WebAssembly !== 'undefined') {
      const code = decodeBase64(GEMM_SHARED_WASM_BASE64);
      if (WebAssembly.validate(code)) heap = new WasmHeap(new WebAssembly.Module(code));
    }
  } catch {
    heap = null;
  }
  return heap;
}
