import type { GemmArgs } from '../gemm';
import type { ConvGeometry } from '../im2col';
import { placeConv, runConvRange } from './wasm-conv';
import { type GemmExports, placeGemm } from './wasm-gemm';
import { type WasmHeap, wasmHeap } from './wasm-heap';

/** What the pool needs of a worker: Node's `worker_threads.Worker` fits. */
export interface GemmWorker {
  unref?(): void;
  terminate(): unknown;
}

/** Starts a worker running `source` (a script) with `data` as its `workerData`. */
export type SpawnGemmWorker = (source: string, data: GemmWorkerData) => GemmWorker;

export interface GemmWorkerData {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly control: SharedArrayBuffer;
  readonly slot: number;
  /** Byte offset of the worker's GEMM scratch. */
  readonly work: number;
}

/** Options of `cpuThreads`. */
export interface GemmThreadsOptions {
  /**
   * Products of fewer multiply-adds run on the calling thread alone. Default 2^23 (about 0.15 ms
   * on one thread): below that, waking a worker costs what it saves. With operands resident in
   * the shared memory, 64×784×128 alone takes 175 µs on two threads against 226 on one, but an
   * MLP training step got slower with 2^21 or 2^22 (1.07 → 1.21–1.26 ms): each wake-up
   * (`Atomics.notify`) cost about 50 µs there. Workers that poll instead of sleeping made it
   * slower still (1.5 ms): the polling core slowed the calling thread's own kernels.
   */
  readonly minWork?: number;
}

// Control block per worker: a state word, the job's kind (0: gemm, 1: conv_forward, 2:
// conv_input_grad), then its arguments (byte offsets into memory and sizes).
const SLOT = 16;
const IDLE = 0;
const JOB = 1;
const DONE = 2;
const STOP = 3;
const READY = 15;

/**
 * The worker's whole program, run from its source text (`String(workerMain)`), so no file has
 * to be found at run time: instantiate the shared-memory module over the pool's memory, then
 * wait for jobs on its control slot, run them, and say when done.
 */
function workerMain(data: GemmWorkerData): void {
  const c = new Int32Array(data.control);
  const s = data.slot * 16;
  const mod = new WebAssembly.Instance(data.module, { env: { memory: data.memory } })
    .exports as unknown as GemmExports;
  Atomics.store(c, s + 15, 1);
  for (;;) {
    let state = Atomics.load(c, s);
    while (state !== 1 && state !== 3) {
      Atomics.wait(c, s, state);
      state = Atomics.load(c, s);
    }
    if (state === 3) return;
    const a = Array.from(c.subarray(s + 2, s + 13));
    if (c[s + 1] === 0)
      mod.gemm(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!, a[6]!, a[7]!, a[8]!, a[9]!, a[10]!, data.work);
    else
      mod[c[s + 1] === 1 ? 'conv_forward' : 'conv_input_grad'](
        a[0]!,
        a[1]!,
        a[2]!,
        a[3]!,
        data.work,
        a[4]!,
        a[5]!,
        a[6]!,
        a[7]!,
        a[8]!,
      );
    Atomics.store(c, s, 2);
    Atomics.notify(c, s);
  }
}

/**
 * A pool of GEMM threads over the shared WebAssembly memory of resident tensors (`WasmHeap`),
 * so operands are not copied to reach the workers: the calling thread and `count - 1`
 * workers each compute a band of C's rows (or columns, for short and wide products). Each
 * element of C is still summed by one thread in the single-threaded order, so results are
 * bit-identical to the one-thread WASM kernel whatever the thread count. The calling thread
 * blocks on `Atomics.wait` until the workers finish, which Node allows on its main thread
 * (browsers do not, on theirs). Workers that have not started yet are not waited for: until
 * all are ready, products run on the calling thread.
 */
export class GemmThreads {
  /** Number of threads a product is split over, the calling one included. */
  readonly count: number;
  private readonly heap: WasmHeap;
  private readonly control: Int32Array;
  private readonly workers: GemmWorker[] = [];
  private readonly works: number[] = [];
  private readonly minWork: number;
  private closed = false;
  private handed = 0;

  /** Jobs handed to worker threads so far (products' bands and convolutions' images): a diagnostic. */
  get workerJobs(): number {
    return this.handed;
  }

  constructor(count: number, spawn: SpawnGemmWorker, options: GemmThreadsOptions = {}) {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`GemmThreads: expected a thread count >= 1, got ${count}`);
    this.count = count;
    this.minWork = options.minWork ?? 1 << 23;
    const heap = wasmHeap();
    if (!heap) throw new RangeError('GemmThreads: needs shared WebAssembly memory (SharedArrayBuffer)');
    this.heap = heap;
    // The calling thread uses the heap's scratch; each worker gets one of its own.
    const workBytes = heap.mod.work_floats() * 4;
    this.works.push(heap.work);
    for (let t = 1; t < count; t++) this.works.push(heap.permanent(workBytes));
    this.control = new Int32Array(new SharedArrayBuffer(Math.max(1, count - 1) * SLOT * 4));
    const source = `(${String(workerMain)})(require('node:worker_threads').workerData)`;
    for (let w = 0; w < count - 1; w++) {
      const worker = spawn(source, {
        module: heap.module,
        memory: heap.memory,
        control: this.control.buffer as SharedArrayBuffer,
        slot: w,
        work: this.works[w + 1]!,
      });
      worker.unref?.();
      this.workers.push(worker);
    }
  }

  /** Whether every worker has started (until then, products run on the calling thread alone). */
  get ready(): boolean {
    return this.workers.every((_, w) => Atomics.load(this.control, w * SLOT + READY) === 1);
  }

  /**
   * C += A·B for float32 operands, split over the threads; false (nothing done) when closed,
   * for products under `minWork` and while workers start: the caller then runs them on its own
   * (unshared) module, on the calling thread.
   */
  run(g: GemmArgs): boolean {
    const { m, n, k } = g;
    if (this.closed || m * n * k < this.minWork || !this.ready) return false;
    const p = placeGemm(this.heap, g);
    if (!p) return false;
    const [a, b] = p.ins as [number, number];
    const c = p.outs[0]!;
    const threads = this.count;
    // Bands of whole micro-tiles (4 rows or 8 columns) along the longer side of C.
    const byRows = m >= n;
    const extent = byRows ? m : n;
    const unit = byRows ? 4 : 8;
    const band = Math.ceil(Math.ceil(extent / threads) / unit) * unit;
    const jobs: number[][] = [];
    for (let start = 0; start < extent; start += band) {
      const size = Math.min(band, extent - start);
      jobs.push(
        byRows
          ? [size, n, k, a + start * g.ai * 4, g.ai, g.ap, b, g.bp, g.bj, c + start * n * 4, n]
          : [m, size, k, a, g.ai, g.ap, b + start * g.bj * 4, g.bp, g.bj, c + start * 4, n],
      );
    }
    for (const [w, args] of jobs.slice(1).entries()) this.post(w, 0, args);
    const [first] = jobs;
    if (first) {
      const [mm, nn, kk, fa, ai, ap, fb, bp, bj, fc, ldc] = first as [number, ...number[]];
      this.heap.mod.gemm(mm, nn!, kk!, fa!, ai!, ap!, fb!, bp!, bj!, fc!, ldc!, this.works[0]!);
    }
    this.join(jobs.length - 1);
    p.done();
    return true;
  }

  /**
   * A convolution's forward pass or input gradient split by whole images over the threads (so
   * no two threads write one output element, and each is summed in the one-thread order: the
   * results are bit-identical); false (nothing done) when closed, while workers start, for one
   * image, or under `minWork` / 4 multiply-adds (a convolution also copies and im2cols, so it
   * pays for waking workers sooner). The filter gradient sums over every image, so it stays on
   * one thread.
   */
  conv(
    kind: 'conv_forward' | 'conv_input_grad',
    a: Float32Array,
    b: Float32Array,
    out: Float32Array,
    g: ConvGeometry,
    batch: number,
    macs: number,
  ): boolean {
    if (this.closed || !this.ready || batch < 2 || macs < this.minWork / 4) return false;
    const threads = Math.min(this.count, batch);
    const s = placeConv(this.heap, a, b, out, g, kind, threads);
    if (!s) return false;
    const pixels = g.outH * g.outW;
    const range = (t: number) => [
      Math.floor((batch * t) / threads) * pixels,
      Math.floor((batch * (t + 1)) / threads) * pixels,
    ];
    for (let w = 0; w < threads - 1; w++) {
      const [first, last] = range(w + 1);
      this.post(w, kind === 'conv_forward' ? 1 : 2, [
        s.a,
        s.b,
        s.out,
        s.cols[w + 1]!,
        s.geometry,
        first!,
        last!,
        s.rows,
        s.cout,
      ]);
    }
    const [first, last] = range(0);
    runConvRange(this.heap.mod, kind, s, s.cols[0]!, this.works[0]!, first!, last!);
    this.join(threads - 1);
    s.done();
    return true;
  }

  /** Hands worker `w` a job of `kind` with `args` and wakes it. */
  private post(w: number, kind: number, args: readonly number[]): void {
    const c = this.control;
    this.handed++;
    c[w * SLOT + 1] = kind;
    c.set(args, w * SLOT + 2);
    Atomics.store(c, w * SLOT, JOB);
    Atomics.notify(c, w * SLOT);
  }

  /** Waits until the first `n` workers are done, and marks them idle. */
  private join(n: number): void {
    const c = this.control;
    for (let w = 0; w < n; w++) {
      const s = w * SLOT;
      while (Atomics.load(c, s) !== DONE) Atomics.wait(c, s, JOB);
      Atomics.store(c, s, IDLE);
    }
  }

  /** Stops the workers; later products run on the calling thread's WASM or JS kernel. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (let w = 0; w < this.workers.length; w++) {
      Atomics.store(this.control, w * SLOT, STOP);
      Atomics.notify(this.control, w * SLOT);
    }
    for (const worker of this.workers) void worker.terminate();
  }
}
