import { describe, expect, it } from 'vitest';
import { GEMM_SHARED_WASM_BASE64 } from './gemm-shared-binary';
import { decodeBase64 } from './wasm-gemm';
import { WasmHeap, wasmHeap } from './wasm-heap';

const module = new WebAssembly.Module(decodeBase64(GEMM_SHARED_WASM_BASE64));
const MiB = 2 ** 20;

describe('WasmHeap', () => {
  it('exists in Node, where shared WebAssembly memory is available', () => {
    expect(wasmHeap()).toBeInstanceOf(WasmHeap);
  });

  it('hands out 16-byte aligned blocks of whole vectors that do not overlap', () => {
    const heap = new WasmHeap(module);
    const blocks = [1, 3, 4, 5, 1000, 7].map((n) => heap.allocate(n)!);
    for (const [i, b] of blocks.entries()) {
      expect(b.byteOffset % 16).toBe(0);
      expect(heap.addressOf(b, true)).toBe(b.byteOffset);
      b.fill(i + 1);
    }
    for (const [i, b] of blocks.entries()) expect(b.every((v) => v === i + 1)).toBe(true);
    // A view inside a block is resident, but not a whole block; a JS array is not resident.
    expect(heap.addressOf(blocks[4]!.subarray(4, 8))).toBe(blocks[4]!.byteOffset + 16);
    expect(heap.addressOf(blocks[4]!.subarray(4, 8), true)).toBe(-1);
    expect(heap.addressOf(new Float32Array(8))).toBe(-1);
  });

  it('reuses a freed block for the next of its size only, and frees only whole blocks', () => {
    const heap = new WasmHeap(module);
    const a = heap.allocate(1000)!;
    heap.allocate(8); // so a is not the topmost block
    expect(heap.release(a.subarray(0, 500))).toBe(false);
    expect(heap.release(new Float32Array(1000))).toBe(false);
    expect(heap.release(a)).toBe(true);
    expect(heap.release(a)).toBe(false); // twice changes nothing
    expect(heap.stats.freedBytes).toBe(4000);
    expect(heap.allocate(500)!.byteOffset).not.toBe(a.byteOffset);
    expect(heap.allocate(999)!.byteOffset).toBe(a.byteOffset); // same whole vectors: 1000 floats
    expect(heap.stats.freedBytes).toBe(0);
  });

  it('keeps earlier views valid when the memory grows', () => {
    const heap = new WasmHeap(module);
    const first = heap.allocate(1000)!;
    first.fill(3);
    const before = heap.stats.memoryBytes;
    const big = heap.allocate(16 * MiB)!;
    expect(heap.stats.memoryBytes).toBeGreaterThan(before);
    big.fill(1);
    expect(first.length).toBe(1000);
    expect(first.every((v) => v === 3)).toBe(true);
    expect(heap.addressOf(first)).toBe(first.byteOffset);
  });

  it('returns null when the memory is full, and allocates again once a block is freed', () => {
    const heap = new WasmHeap(module, 128); // 8 MiB in all, the GEMM scratch included
    const blocks: Float32Array[] = [];
    for (let b = heap.allocate(MiB / 4); b; b = heap.allocate(MiB / 4)) blocks.push(b);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    expect(blocks.length).toBeLessThan(8);
    expect(heap.reserve([MiB])).toBeNull();
    heap.release(blocks[0]!);
    expect(heap.allocate(MiB / 4)).not.toBeNull();
  });

  it('reserves scratch regions after every block, aligned, and zeroes through the module', () => {
    const heap = new WasmHeap(module);
    const block = heap.allocate(10)!;
    block.fill(5);
    const [r0, r1] = heap.reserve([3, 100])!;
    expect(r0! % 4).toBe(0);
    expect(r1! - r0!).toBe(4);
    const f = heap.floats();
    f.fill(9, r0!, r1! + 100);
    expect(block.every((v) => v === 5)).toBe(true);
    heap.zero(block);
    expect(block.every((v) => v === 0)).toBe(true);
    // A block allocated after the scratch does not overlap it.
    const next = heap.allocate(100)!;
    expect(next.byteOffset >= (r1! + 100) * 4 || next.byteOffset + 400 <= r0! * 4).toBe(true);
  });
});
