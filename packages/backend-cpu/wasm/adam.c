// One Adam step for WebAssembly SIMD (wasm32 + simd128), linked into the module of gemm.c by
// scripts/build-wasm.mjs. Same contract as core's fused op `adamUpdate` and the JS kernel
// (src/kernels/adam-update.ts, which stays the reference and the fallback), in float32:
// mu' = b1·mu + (1-b1)·g, nu' = b2·nu + (1-b2)·g², v = nu' (or vmax' = max(vmax, nu')),
// u = (mu'·ibc1) / (sqrt(v)·ibc2 + eps). The new moments go to omu, onu (and ovmax); o gets
// p + scale·u when p is given (the optimizer's learning rate and apply in the same pass), else
// u. Each output may be its input (in place) or a region of its own: inputs live in tensors
// that must not change. Four lanes at a time: the JS kernel is bound by scalar sqrt and division.
#include <wasm_simd128.h>

// Subnormal moments become +0 (flush to zero, as TensorFlow's CPU kernels run): a first moment
// decaying on zero gradients (a dead ReLU unit, an always-black MNIST pixel) drops below the
// smallest normal float after about 800 steps at beta1 = 0.9, and x86 computes on subnormals
// through microcode assists (an MLP's Adam step went from 55 to 92 µs). The values lost are
// below 1.2e-38. NaN compares false and stays.
static inline v128_t flush(v128_t x) {
  return wasm_v128_andnot(x, wasm_f32x4_lt(wasm_f32x4_abs(x), wasm_f32x4_splat(1.17549435e-38f)));
}

static inline v128_t adam4(v128_t g, const float *mu, const float *nu, const float *vmax, float *omu,
                           float *onu, float *ovmax, v128_t b1, v128_t c1, v128_t b2, v128_t c2,
                           v128_t ibc1, v128_t ibc2, v128_t eps) {
  v128_t m = flush(wasm_f32x4_add(wasm_f32x4_mul(b1, wasm_v128_load(mu)), wasm_f32x4_mul(c1, g)));
  v128_t v = flush(
      wasm_f32x4_add(wasm_f32x4_mul(b2, wasm_v128_load(nu)), wasm_f32x4_mul(c2, wasm_f32x4_mul(g, g))));
  wasm_v128_store(omu, m);
  wasm_v128_store(onu, v);
  if (vmax) {
    // f32x4.max is NaN where either side is, as Math.max in the JS kernel.
    v = wasm_f32x4_max(wasm_v128_load(vmax), v);
    wasm_v128_store(ovmax, v);
  }
  return wasm_f32x4_div(wasm_f32x4_mul(m, ibc1), wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_sqrt(v), ibc2), eps));
}

__attribute__((export_name("adam"))) void adam(int n, const float *g, const float *mu, const float *nu,
                                               const float *vmax, const float *p, float *o, float *omu,
                                               float *onu, float *ovmax, float b1, float c1, float b2, float c2, float ibc1,
                                               float ibc2, float eps, float scale) {
  // c1 = 1-b1 and c2 = 1-b2 come from the caller in double: 1.0f - 0.999f loses four digits.
  v128_t vb1 = wasm_f32x4_splat(b1), vc1 = wasm_f32x4_splat(c1);
  v128_t vb2 = wasm_f32x4_splat(b2), vc2 = wasm_f32x4_splat(c2);
  v128_t vi1 = wasm_f32x4_splat(ibc1), vi2 = wasm_f32x4_splat(ibc2), ve = wasm_f32x4_splat(eps);
  v128_t vs = wasm_f32x4_splat(scale);
  // Whole vectors: the caller's regions start 16-byte aligned with gaps up to the next
  // boundary, so the last vector's extra lanes read and write only that padding.
  for (int i = 0; i < n; i += 4) {
    v128_t u = adam4(wasm_v128_load(g + i), mu + i, nu + i, vmax ? vmax + i : 0, omu + i, onu + i,
                     vmax ? ovmax + i : 0, vb1, vc1, vb2, vc2, vi1, vi2, ve);
    wasm_v128_store(o + i, p ? wasm_f32x4_add(wasm_v128_load(p + i), wasm_f32x4_mul(u, vs)) : u);
  }
}
