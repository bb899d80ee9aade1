// Max pooling and its gradient for WebAssembly SIMD (wasm32 + simd128), linked into the module of
// gemm.c by scripts/build-wasm.mjs: NHWC float32 with a channel count that is a multiple of 4,
// four channels per vector. The contract of src/internal/max-pool-fast.ts (the JS kernel, which
// stays the reference and the fallback): each output is its window's first maximum in row-major
// window order, NaN counting as maximal (a NaN tap beats a number, a NaN best is never replaced),
// ties (-0 against 0 included) keeping the earlier tap, padding skipped; a window of padding only
// gives -Infinity. The gradient adds dy at that first maximum, in output order.
// No statics and no stack (the same code runs on a shared memory, see gemm.c).
#include <wasm_simd128.h>

// Where tap t beats the best so far b, lane by lane: `beats` of math.ts, b is not NaN and t is
// not at most it (greater, or NaN over a number). Ties, -0 against 0 included, keep b.
static inline __attribute__((always_inline)) v128_t beats(v128_t t, v128_t b) {
  return wasm_v128_andnot(wasm_f32x4_eq(b, b), wasm_f32x4_le(t, b));
}

// The first maximum of a 2x2 window's taps t0..t3 (row-major), as a tree of pairs: the same
// winner as a running comparison (the first of the maximal taps either way), half the chain.
// Bit selects, so NaN payloads and the sign of zero pass through. m01, m23 and m say which side
// of each pair won, for the gradient.
static inline __attribute__((always_inline)) v128_t first_max4(v128_t t0, v128_t t1, v128_t t2, v128_t t3,
                                                                v128_t *m01, v128_t *m23, v128_t *m) {
  *m01 = beats(t1, t0);
  *m23 = beats(t3, t2);
  v128_t b01 = wasm_v128_bitselect(t1, t0, *m01), b23 = wasm_v128_bitselect(t3, t2, *m23);
  *m = beats(b23, b01);
  return wasm_v128_bitselect(b23, b01, *m);
}

// The first maximum of channels at..at+3 of the taps (fy, fx) in [fy0, fy1) x [fx0, fx1) (a
// non-empty rectangle: the in-bound part of the window), `row` and `col` floats apart: its value
// in *best and, per lane, its tap number fy * fw + fx (dead code in the forward pass).
static inline __attribute__((always_inline)) v128_t first_max(const float *x, int at, int fy0, int fy1, int fx0,
                                                               int fx1, int fw, int row, int col, v128_t *best) {
  v128_t b = wasm_v128_load(x + at + fy0 * row + fx0 * col);
  v128_t win = wasm_i32x4_splat(fy0 * fw + fx0);
  for (int fy = fy0; fy < fy1; fy++)
    for (int fx = fy == fy0 ? fx0 + 1 : fx0; fx < fx1; fx++) {
      v128_t t = wasm_v128_load(x + at + fy * row + fx * col);
      v128_t take = beats(t, b);
      b = wasm_v128_bitselect(t, b, take);
      win = wasm_v128_bitselect(wasm_i32x4_splat(fy * fw + fx), win, take);
    }
  *best = b;
  return win;
}

// The in-bound taps [*f0, *f1) of a window starting at `i` (maybe negative) with `f` taps `d`
// apart over an extent of `size`: the padding is skipped, not compared.
static inline __attribute__((always_inline)) void in_bounds(int i, int f, int d, int size, int *f0, int *f1) {
  int lo = 0, hi = f;
  while (lo < hi && i + lo * d < 0) lo++;
  while (hi > lo && i + (hi - 1) * d >= size) hi--;
  *f0 = lo;
  *f1 = hi;
}

__attribute__((export_name("max_pool"))) void max_pool(const float *x, float *y, int batch, int in_h, int in_w,
                                                       int channels, int out_h, int out_w, int fh, int fw, int sh,
                                                       int sw, int dh, int dw, int top, int left) {
  int row = dh * in_w * channels, col = dw * channels;
  v128_t lowest = wasm_f32x4_splat(-__builtin_inff());
  for (int n = 0; n < batch; n++)
    for (int oy = 0; oy < out_h; oy++) {
      int iy = oy * sh - top, fy0, fy1;
      in_bounds(iy, fh, dh, in_h, &fy0, &fy1);
      for (int ox = 0; ox < out_w; ox++, y += channels) {
        int ix = ox * sw - left, fx0, fx1;
        in_bounds(ix, fw, dw, in_w, &fx0, &fx1);
        // The window's top-left corner; outside the input where the window is padded.
        int at = ((n * in_h + iy) * in_w + ix) * channels;
        if (fy0 == fy1 || fx0 == fx1) {
          for (int c = 0; c < channels; c += 4) wasm_v128_store(y + c, lowest);
          continue;
        }
        if (fy1 - fy0 == 2 && fx1 - fx0 == 2) {
          // The common 2x2 window (in bounds), straight-line.
          const float *t = x + at + fy0 * row + fx0 * col;
          for (int c = 0; c < channels; c += 4) {
            v128_t m01, m23, m;
            wasm_v128_store(y + c, first_max4(wasm_v128_load(t + c), wasm_v128_load(t + c + col),
                                              wasm_v128_load(t + c + row), wasm_v128_load(t + c + row + col), &m01,
                                              &m23, &m));
          }
          continue;
        }
        for (int c = 0; c < channels; c += 4) {
          v128_t best;
          first_max(x, at + c, fy0, fy1, fx0, fx1, fw, row, col, &best);
          wasm_v128_store(y + c, best);
        }
      }
    }
}

// dx at d gets dy where its tap won (the mask `won`) and +0 elsewhere: one vector store instead
// of a scatter per lane. x + +0 is x (dx, a sum from +0, is never -0), so each dx is the same
// sum, in the same output order, as the JS kernel's scatter. Where windows cannot overlap, d
// still holds the +0 it was zeroed to, and is not reloaded.
static inline __attribute__((always_inline)) void add_at(float *d, v128_t g, v128_t won, int overlap) {
  v128_t before = overlap ? wasm_v128_load(d) : wasm_f32x4_splat(0.0f);
  wasm_v128_store(d, wasm_f32x4_add(before, wasm_v128_and(g, won)));
}

__attribute__((export_name("max_pool_backward"))) void max_pool_backward(const float *x, const float *dy, float *dx,
                                                                         int batch, int in_h, int in_w, int channels,
                                                                         int out_h, int out_w, int fh, int fw, int sh,
                                                                         int sw, int dh, int dw, int top, int left) {
  int row = dh * in_w * channels, col = dw * channels;
  int overlap = sh <= (fh - 1) * dh || sw <= (fw - 1) * dw;
  v128_t zero = wasm_f32x4_splat(0.0f);
  for (int i = 0, size = batch * in_h * in_w * channels; i < size; i += 4) wasm_v128_store(dx + i, zero);
  for (int n = 0; n < batch; n++)
    for (int oy = 0; oy < out_h; oy++) {
      int iy = oy * sh - top, fy0, fy1;
      in_bounds(iy, fh, dh, in_h, &fy0, &fy1);
      for (int ox = 0; ox < out_w; ox++, dy += channels) {
        int ix = ox * sw - left, fx0, fx1;
        in_bounds(ix, fw, dw, in_w, &fx0, &fx1);
        int at = ((n * in_h + iy) * in_w + ix) * channels;
        if (fy0 == fy1 || fx0 == fx1) continue;
        if (fy1 - fy0 == 2 && fx1 - fx0 == 2) {
          float *d = dx + at + fy0 * row + fx0 * col;
          const float *t = x + (d - dx);
          for (int c = 0; c < channels; c += 4) {
            v128_t m01, m23, m;
            first_max4(wasm_v128_load(t + c), wasm_v128_load(t + c + col), wasm_v128_load(t + c + row),
                       wasm_v128_load(t + c + row + col), &m01, &m23, &m);
            v128_t g = wasm_v128_load(dy + c);
            // The winner's mask per tap, from which side of each pair won.
            add_at(d + c, g, wasm_v128_not(wasm_v128_or(m01, m)), overlap);
            add_at(d + c + col, g, wasm_v128_andnot(m01, m), overlap);
            add_at(d + c + row, g, wasm_v128_andnot(m, m23), overlap);
            add_at(d + c + row + col, g, wasm_v128_and(m, m23), overlap);
          }
          continue;
        }
        for (int c = 0; c < channels; c += 4) {
          v128_t best;
          v128_t win = first_max(x, at + c, fy0, fy1, fx0, fx1, fw, row, col, &best);
          v128_t g = wasm_v128_load(dy + c);
          for (int fy = fy0; fy < fy1; fy++)
            for (int fx = fx0; fx < fx1; fx++)
              add_at(dx + at + c + fy * row + fx * col, g, wasm_i32x4_eq(win, wasm_i32x4_splat(fy * fw + fx)),
                     overlap);
        }
      }
    }
}
