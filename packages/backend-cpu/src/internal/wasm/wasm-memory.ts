import { align4, type GemmExports, heapStart, wasmGemmModule } from './wasm-gemm';
import { wasmHeap } from './wasm-heap';

/**
 * Where the WASM kernels of the calling thread run: the heap of resident tensors (`WasmHeap`),
 * or, where shared memory is unavailable, the unshared module, into whose memory every operand
 * is copied.
 */
export interface WasmMemory {
  readonly mod: GemmExports;
  /** Byte offset of this thread's GEMM scratch. */
  readonly work: number;
  /** Float offsets of temporary 16-byte aligned regions of `sizes` floats, valid until the next call; null when they do not fit. */
  reserve(sizes: readonly number[]): number[] | null;
  /** Byte offset of `x[0]` where `x` lives in this memory (with `wholeVectors`, a whole block), else -1. */
  addressOf(x: Float32Array, wholeVectors?: boolean): number;
  /** A Float32Array over the whole memory as it is now. */
  floats(): Float32Array;
}

/** The unshared module: nothing is resident; staging starts after its scratch and grows the memory. */
class OwnMemory implements WasmMemory {
  readonly work: number;
  constructor(readonly mod: GemmExports) {
    this.work = heapStart(mod) * 4;
  }
  reserve(sizes: readonly number[]): number[] {
    let end = this.work / 4 + this.mod.work_floats();
    const at = sizes.map((n) => {
      const o = align4(end);
      end = o + n;
      return o;
    });
    const memory = this.mod.memory;
    const have = memory.buffer.byteLength;
    if (end * 4 > have) memory.grow(Math.ceil((end * 4 - have) / 65536));
    return at;
  }
  addressOf(): number {
    return -1;
  }
  floats(): Float32Array {
    return new Float32Array(this.mod.memory.buffer);
  }
}

let own: OwnMemory | undefined;

/** The calling thread's WASM memory: the heap where it exists, else the unshared module; null without WebAssembly SIMD. */
export function wasmMemory(): WasmMemory | null {
  const heap = wasmHeap();
  if (heap) return heap;
  const mod = wasmGemmModule();
  if (!mod) return null;
  if (own?.mod !== mod) own = new OwnMemory(mod);
  return own;
}

const NONE: number[] = [];
const nothing = () => {};

/** Byte offsets of one call's operands, and `done` to copy staged outputs back. */
export interface Placed {
  readonly ins: number[];
  readonly outs: number[];
  /** Scratch regions asked for, byte offsets. */
  readonly extra: number[];
  done(): void;
}

export interface PlaceOptions {
  /** Scratch regions (floats) to reserve besides the staged operands. */
  readonly extra?: readonly number[];
  /**
   * The C loops run whole vectors of four: a resident operand must be a whole block, and a staged
   * input is zero-padded to the next vector.
   */
  readonly wholeVectors?: boolean;
  /**
   * 'overwrite' (default): the kernel writes every element; 'accumulate': it adds to the values
   * there; 'zero': the same, and the outputs hold zeros (a fresh output), so a staged copy is
   * zeroed rather than copied in.
   */
  readonly outputs?: 'overwrite' | 'zero' | 'accumulate';
}

/**
 * Places one WASM call's float32 operands in `w`: a resident array where it is, anything else
 * copied into a scratch region (outputs copied back by `done`). Null when the scratch does not
 * fit (the caller runs its JS kernel).
 */
export function place(
  w: WasmMemory,
  inputs: readonly Float32Array[],
  outputs: readonly Float32Array[],
  options: PlaceOptions = {},
): Placed | null {
  const whole = options.wholeVectors ?? false;
  const extra = options.extra ?? NONE;
  const ins = inputs.map((x) => w.addressOf(x, whole));
  const outs = outputs.map((x) => w.addressOf(x, whole));
  // All resident (every call in training): nothing to reserve, copy or copy back.
  if (extra.length === 0 && !ins.includes(-1) && !outs.includes(-1))
    return { ins, outs, extra: NONE, done: nothing };
  const arrays = [...inputs, ...outputs];
  const address = [...ins, ...outs];
  const staged = address.flatMap((a, i) => (a < 0 ? [i] : []));
  const at = w.reserve([...staged.map((i) => arrays[i]!.length), ...extra]);
  if (!at) return null;
  const f32 = staged.length > 0 ? w.floats() : undefined;
  const mode = options.outputs ?? 'overwrite';
  for (const [j, i] of staged.entries()) {
    const x = arrays[i]!;
    const o = at[j]!;
    address[i] = o * 4;
    if (i < inputs.length || mode === 'accumulate') f32!.set(x, o);
    else if (mode === 'zero') w.mod.fill_zero(o * 4, x.length);
    if (i < inputs.length && whole) f32!.fill(0, o + x.length, o + align4(x.length));
  }
  return {
    ins: address.slice(0, inputs.length),
    outs: address.slice(inputs.length),
    extra: at.slice(staged.length).map((o) => o * 4),
    done() {
      if (!f32) return;
      for (const [j, i] of staged.entries())
        if (i >= inputs.length) arrays[i]!.set(f32.subarray(at[j]!, at[j]! + arrays[i]!.length));
    },
  };
}
