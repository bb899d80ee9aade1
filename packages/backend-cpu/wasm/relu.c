// ReLU's select for WebAssembly SIMD (wasm32 + simd128), linked into the module of gemm.c by
// scripts/build-wasm.mjs: o = (x > 0 or x is NaN) ? y : +0, four lanes at a time, on float32
// bits, the contract of src/internal/relu-bits.ts (the JS kernel, which stays the reference and
// the fallback). relu is y = x; its gradient is y = dy. o may be x or y (in place).
#include <wasm_simd128.h>

__attribute__((export_name("relu_mask"))) void relu_mask(int n, const float *x, const float *y, float *o) {
  v128_t zero = wasm_f32x4_splat(0.0f);
  // Whole vectors: the caller's regions start 16-byte aligned with gaps up to the next
  // boundary, so the last vector's extra lanes read and write only that padding.
  for (int i = 0; i < n; i += 4) {
    v128_t v = wasm_v128_load(x + i);
    // x > 0, or x != x (NaN): keep y's bits; -0 and negatives give +0.
    v128_t keep = wasm_v128_or(wasm_f32x4_gt(v, zero), wasm_f32x4_ne(v, v));
    wasm_v128_store(o + i, wasm_v128_and(wasm_v128_load(y + i), keep));
  }
}
