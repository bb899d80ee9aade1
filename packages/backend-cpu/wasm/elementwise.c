// Elementwise kernels for WebAssembly SIMD (wasm32 + simd128), linked into the module of gemm.c
// by scripts/build-wasm.mjs; the JS kernels stay the reference and the fallback. add_tiled runs
// whole vectors of four: the caller pads each region (src/internal/wasm/wasm-elementwise.ts).
#include <wasm_simd128.h>

// o = a + t, with t repeated every tlen floats (tlen = n for two operands of one shape; a bias
// tiled over rows otherwise): the add kernel's same-shape and repeated-operand cases.
__attribute__((export_name("add_tiled"))) void add_tiled(int n, const float *a, const float *t, int tlen, float *o) {
  for (int i = 0; i < n;) {
    int end = i + tlen < n ? i + tlen : n;
    for (const float *u = t; i < end; i += 4, u += 4)
      wasm_v128_store(o + i, wasm_f32x4_add(wasm_v128_load(a + i), wasm_v128_load(u)));
  }
}

// acc[k] += x[i + k] for each block of `block` floats of x, in double (as the JS kernel sums):
// the sum over leading axes, a block of whole rows at a time; the caller folds the rows of acc.
__attribute__((export_name("sum_blocks"))) void sum_blocks(int n, const float *x, int block, double *acc) {
  for (int i = 0; i < n; i += block) {
    int len = n - i < block ? n - i : block;
    int k = 0;
    for (; k + 4 <= len; k += 4) {
      v128_t v = wasm_v128_load(x + i + k);
      v128_t lo = wasm_f64x2_promote_low_f32x4(v);
      v128_t hi = wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle(v, v, 2, 3, 2, 3));
      wasm_v128_store(acc + k, wasm_f64x2_add(wasm_v128_load(acc + k), lo));
      wasm_v128_store(acc + k + 2, wasm_f64x2_add(wasm_v128_load(acc + k + 2), hi));
    }
    // The last block's tail, one float at a time: x may end anywhere (a tensor in place).
    for (; k < len; k++) acc[k] += (double)x[i + k];
  }
}

// Zeroes n floats at p: memory.fill, which JS's fill on a shared memory's view is far slower than.
__attribute__((export_name("fill_zero"))) void fill_zero(float *p, int n) { __builtin_memset(p, 0, (unsigned)n * 4); }

// o = act(o + t) in place, t repeated every tlen floats (a bias over rows): the fused dense
// op's epilogue after its product. act is ReLU's select as in relu.c (o + t where it is > 0 or
// NaN, else +0) when relu is set, else none.
__attribute__((export_name("bias_act"))) void bias_act(int n, float *o, const float *t, int tlen, int relu) {
  v128_t zero = wasm_f32x4_splat(0.0f);
  // All lanes kept without ReLU, so one loop serves both.
  v128_t all = wasm_i32x4_splat(relu ? 0 : -1);
  for (int i = 0; i < n;) {
    int end = i + tlen < n ? i + tlen : n;
    for (const float *u = t; i < end; i += 4, u += 4) {
      v128_t v = wasm_f32x4_add(wasm_v128_load(o + i), wasm_v128_load(u));
      v128_t keep = wasm_v128_or(all, wasm_v128_or(wasm_f32x4_gt(v, zero), wasm_f32x4_ne(v, v)));
      wasm_v128_store(o + i, wasm_v128_and(v, keep));
    }
  }
}
