// Single-precision GEMM for WebAssembly SIMD (wasm32 + simd128), built by scripts/build-wasm.mjs
// into src/internal/wasm/gemm-binary.ts. Same contract as src/internal/gemm.ts (the JS kernel,
// which stays the reference and the fallback): C[m×n] (row-major, leading dimension ldc) +=
// A·B, with element (i, p) of A at a[i·ai + p·ap] and (p, j) of B at b[p·bp + j·bj], so every
// transpose is a stride. GotoBLAS blocking: B is packed into KC×NR micro-panels, A into MR×KC
// ones, and a 4×8 register tile (8 f32x4 accumulators) runs over them.
//
// No static buffers and no stack: the packed panels and the edge tile live in `work`, a scratch
// of work_floats() floats that the caller gives, so threads sharing one memory (the
// shared-memory build, see src/internal/wasm/gemm-threads.ts) each pass their own.
#include <wasm_simd128.h>

#define MR 4
#define NR 8
#define KC 256
#define MC 128
#define NC 2048

// Scratch layout: pack_a (MC×KC), pack_b (KC×NC), edge tile (MR×NR); all 16-byte multiples.
#define WORK_FLOATS (MC * KC + KC * NC + MR * NR)

__attribute__((export_name("work_floats"))) int work_floats(void) { return WORK_FLOATS; }

// The 4×4 block at s (rows `stride` apart) transposed into dst (rows `ld` apart), in registers:
// how packing reads an operand whose packed direction is its contiguous one.
static inline void transpose4(const float *s, int stride, float *dst, int ld) {
  v128_t r0 = wasm_v128_load(s), r1 = wasm_v128_load(s + stride);
  v128_t r2 = wasm_v128_load(s + 2 * stride), r3 = wasm_v128_load(s + 3 * stride);
  v128_t t0 = wasm_i32x4_shuffle(r0, r1, 0, 4, 1, 5), t1 = wasm_i32x4_shuffle(r2, r3, 0, 4, 1, 5);
  v128_t t2 = wasm_i32x4_shuffle(r0, r1, 2, 6, 3, 7), t3 = wasm_i32x4_shuffle(r2, r3, 2, 6, 3, 7);
  wasm_v128_store(dst, wasm_i32x4_shuffle(t0, t1, 0, 1, 4, 5));
  wasm_v128_store(dst + ld, wasm_i32x4_shuffle(t0, t1, 2, 3, 6, 7));
  wasm_v128_store(dst + 2 * ld, wasm_i32x4_shuffle(t2, t3, 0, 1, 4, 5));
  wasm_v128_store(dst + 3 * ld, wasm_i32x4_shuffle(t2, t3, 2, 3, 6, 7));
}

static void pack_panel_b(float *dst, const float *b, int bp, int bj, int kc, int nc) {
  for (int jr = 0; jr < nc; jr += NR) {
    int cols = nc - jr < NR ? nc - jr : NR;
    const float *src = b + jr * bj;
    if (cols == NR && bj == 1) {
      for (int p = 0; p < kc; p++, src += bp, dst += NR) {
        wasm_v128_store(dst, wasm_v128_load(src));
        wasm_v128_store(dst + 4, wasm_v128_load(src + 4));
      }
    } else if (cols == NR && bp == 1) {
      // Bᵀ in a backward pass: each column's values are adjacent; 4×4 blocks transposed in registers.
      int p = 0;
      for (; p + 4 <= kc; p += 4, dst += 4 * NR) {
        transpose4(src + p, bj, dst, NR);
        transpose4(src + 4 * bj + p, bj, dst + 4, NR);
      }
      for (; p < kc; p++, dst += NR)
        for (int c = 0; c < NR; c++) dst[c] = src[c * bj + p];
    } else {
      for (int p = 0; p < kc; p++, src += bp, dst += NR) {
        for (int c = 0; c < NR; c++) dst[c] = c < cols ? src[c * bj] : 0.0f;
      }
    }
  }
}

static void pack_block_a(float *dst, const float *a, int ai, int ap, int mc, int kc) {
  for (int ir = 0; ir < mc; ir += MR) {
    int rows = mc - ir < MR ? mc - ir : MR;
    const float *src = a + ir * ai;
    if (rows == MR && ai == 1) {
      // Aᵀ in a backward pass: the four rows' values at each p are adjacent, one vector.
      for (int p = 0; p < kc; p++, src += ap, dst += MR) wasm_v128_store(dst, wasm_v128_load(src));
    } else if (rows == MR && ap == 1) {
      // Row-major A: four rows read four values at a time, transposed in registers.
      int p = 0;
      for (; p + 4 <= kc; p += 4, dst += 4 * MR) transpose4(src + p, ai, dst, MR);
      for (; p < kc; p++, dst += MR) {
        dst[0] = src[p];
        dst[1] = src[ai + p];
        dst[2] = src[2 * ai + p];
        dst[3] = src[3 * ai + p];
      }
    } else if (rows == MR) {
      for (int p = 0; p < kc; p++, src += ap, dst += MR) {
        dst[0] = src[0];
        dst[1] = src[ai];
        dst[2] = src[2 * ai];
        dst[3] = src[3 * ai];
      }
    } else {
      for (int p = 0; p < kc; p++, src += ap, dst += MR) {
        for (int r = 0; r < MR; r++) dst[r] = r < rows ? src[r * ai] : 0.0f;
      }
    }
  }
}

static void micro(int kc, const float *pa, const float *pb, float *c, int ldc, int rows, int cols,
                  float *tile) {
  v128_t c00 = wasm_f32x4_splat(0), c01 = c00, c10 = c00, c11 = c00;
  v128_t c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  for (int p = 0; p < kc; p++, pa += MR, pb += NR) {
    v128_t b0 = wasm_v128_load(pb);
    v128_t b1 = wasm_v128_load(pb + 4);
    v128_t a = wasm_f32x4_splat(pa[0]);
    c00 = wasm_f32x4_add(c00, wasm_f32x4_mul(a, b0));
    c01 = wasm_f32x4_add(c01, wasm_f32x4_mul(a, b1));
    a = wasm_f32x4_splat(pa[1]);
    c10 = wasm_f32x4_add(c10, wasm_f32x4_mul(a, b0));
    c11 = wasm_f32x4_add(c11, wasm_f32x4_mul(a, b1));
    a = wasm_f32x4_splat(pa[2]);
    c20 = wasm_f32x4_add(c20, wasm_f32x4_mul(a, b0));
    c21 = wasm_f32x4_add(c21, wasm_f32x4_mul(a, b1));
    a = wasm_f32x4_splat(pa[3]);
    c30 = wasm_f32x4_add(c30, wasm_f32x4_mul(a, b0));
    c31 = wasm_f32x4_add(c31, wasm_f32x4_mul(a, b1));
  }
  if (rows == MR && cols == NR) {
    float *r = c;
    wasm_v128_store(r, wasm_f32x4_add(wasm_v128_load(r), c00));
    wasm_v128_store(r + 4, wasm_f32x4_add(wasm_v128_load(r + 4), c01));
    r += ldc;
    wasm_v128_store(r, wasm_f32x4_add(wasm_v128_load(r), c10));
    wasm_v128_store(r + 4, wasm_f32x4_add(wasm_v128_load(r + 4), c11));
    r += ldc;
    wasm_v128_store(r, wasm_f32x4_add(wasm_v128_load(r), c20));
    wasm_v128_store(r + 4, wasm_f32x4_add(wasm_v128_load(r + 4), c21));
    r += ldc;
    wasm_v128_store(r, wasm_f32x4_add(wasm_v128_load(r), c30));
    wasm_v128_store(r + 4, wasm_f32x4_add(wasm_v128_load(r + 4), c31));
    return;
  }
  // An edge tile: rows and columns computed on the zero padding are dropped.
  wasm_v128_store(tile, c00);
  wasm_v128_store(tile + 4, c01);
  wasm_v128_store(tile + 8, c10);
  wasm_v128_store(tile + 12, c11);
  wasm_v128_store(tile + 16, c20);
  wasm_v128_store(tile + 20, c21);
  wasm_v128_store(tile + 24, c30);
  wasm_v128_store(tile + 28, c31);
  for (int r = 0; r < rows; r++)
    for (int j = 0; j < cols; j++) c[r * ldc + j] += tile[r * NR + j];
}

__attribute__((export_name("gemm"))) void gemm(int m, int n, int k, const float *a, int ai, int ap,
                                               const float *b, int bp, int bj, float *c, int ldc,
                                               float *work) {
  float *pack_a = work;
  float *pack_b = work + MC * KC;
  float *tile = pack_b + KC * NC;
  for (int jc = 0; jc < n; jc += NC) {
    int nc = n - jc < NC ? n - jc : NC;
    for (int pc = 0; pc < k; pc += KC) {
      int kc = k - pc < KC ? k - pc : KC;
      pack_panel_b(pack_b, b + pc * bp + jc * bj, bp, bj, kc, nc);
      for (int ic = 0; ic < m; ic += MC) {
        int mc = m - ic < MC ? m - ic : MC;
        pack_block_a(pack_a, a + ic * ai + pc * ap, ai, ap, mc, kc);
        for (int jr = 0; jr < nc; jr += NR) {
          int cols = nc - jr < NR ? nc - jr : NR;
          for (int ir = 0; ir < mc; ir += MR) {
            int rows = mc - ir < MR ? mc - ir : MR;
            micro(kc, pack_a + ir * kc, pack_b + jr * kc, c + (ic + ir) * ldc + jc + jr, ldc, rows, cols,
                tile);
          }
        }
      }
    }
  }
}

// Short copies (a window row of a few channels) as loads and stores: memory.copy is a call into
// the engine, which costs more than the copy below a few dozen floats.
static inline void copy_floats(float *dst, const float *src, int n) {
  if (n >= 32) {
    __builtin_memcpy(dst, src, n * sizeof(float));
    return;
  }
  int i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(dst + i, wasm_v128_load(src + i));
  for (; i < n; i++) dst[i] = src[i];
}

// Steps output pixel (b, oy, ox) to the next in row-major order.
static inline void next_pixel(int *ox, int *oy, int *b, int out_w, int out_h) {
  if (++*ox < out_w) return;
  *ox = 0;
  if (++*oy < out_h) return;
  *oy = 0;
  ++*b;
}

// im2col for the convolutions (see src/internal/im2col.ts, the JS twin): row r of `cols` is the
// window of output pixel first + r of an NHWC input, flattened as (fy, fx, c), zeros outside.
__attribute__((export_name("im2col"))) void im2col(const float *x, int in_h, int in_w, int cin, int out_h,
                                                   int out_w, int fh, int fw, int sh, int sw, int dh, int dw,
                                                   int top, int left, int first, int rows, float *cols) {
  int row_width = fw * cin;
  float *t = cols;
  // The first pixel's coordinates by division, the rest by counting (a division per pixel cost
  // more than copying a small window).
  int ox = first % out_w, oy = first / out_w % out_h, b = first / out_w / out_h;
  for (int r = 0; r < rows; r++, next_pixel(&ox, &oy, &b, out_w, out_h)) {
    int y0 = oy * sh - top;
    int x0 = ox * sw - left;
    for (int fy = 0; fy < fh; fy++) {
      int iy = y0 + fy * dh;
      if (iy < 0 || iy >= in_h) {
        __builtin_memset(t, 0, row_width * sizeof(float));
        t += row_width;
        continue;
      }
      const float *line = x + (b * in_h + iy) * in_w * cin;
      if (dw == 1 && x0 >= 0 && x0 + fw <= in_w) {
        copy_floats(t, line + x0 * cin, row_width);
        t += row_width;
        continue;
      }
      for (int fx = 0; fx < fw; fx++, t += cin) {
        int ix = x0 + fx * dw;
        if (ix < 0 || ix >= in_w) __builtin_memset(t, 0, cin * sizeof(float));
        else copy_floats(t, line + ix * cin, cin);
      }
    }
  }
}

// col2im: adds row r of `cols` back onto the input pixels that output pixel first + r's window read.
__attribute__((export_name("col2im"))) void col2im(const float *cols, int in_h, int in_w, int cin, int out_h,
                                                   int out_w, int fh, int fw, int sh, int sw, int dh, int dw,
                                                   int top, int left, int first, int rows, float *dx) {
  int row_width = fw * cin;
  const float *t = cols;
  int ox = first % out_w, oy = first / out_w % out_h, b = first / out_w / out_h;
  for (int r = 0; r < rows; r++, next_pixel(&ox, &oy, &b, out_w, out_h)) {
    int y0 = oy * sh - top;
    int x0 = ox * sw - left;
    for (int fy = 0; fy < fh; fy++, t += row_width) {
      int iy = y0 + fy * dh;
      if (iy < 0 || iy >= in_h) continue;
      float *line = dx + (b * in_h + iy) * in_w * cin;
      for (int fx = 0; fx < fw; fx++) {
        int ix = x0 + fx * dw;
        if (ix < 0 || ix >= in_w) continue;
        float *d = line + ix * cin;
        const float *s = t + fx * cin;
        for (int c = 0; c < cin; c++) d[c] += s[c];
      }
    }
  }
}
