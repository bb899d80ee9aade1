// Convolutions over a range of output pixels for WebAssembly SIMD, linked into the module of
// gemm.c by scripts/build-wasm.mjs: the chunk loops of src/internal/wasm/wasm-conv.ts in C, so
// one call runs a whole range (a thread's share, or all of it) with no call per chunk. Same
// chunks, im2col/col2im and GEMM as the JS-driven loop, so the same sums. `geo` points at the
// 13 ints of the geometry (in_h, in_w, cin, out_h, out_w, fh, fw, sh, sw, dh, dw, top, left);
// `cols` is a scratch of rows × width floats and `work` the GEMM's (work_floats()).
void gemm(int m, int n, int k, const float *a, int ai, int ap, const float *b, int bp, int bj, float *c,
          int ldc, float *work);
void im2col(const float *x, int in_h, int in_w, int cin, int out_h, int out_w, int fh, int fw, int sh, int sw,
            int dh, int dw, int top, int left, int first, int rows, float *cols);
void col2im(const float *cols, int in_h, int in_w, int cin, int out_h, int out_w, int fh, int fw, int sh,
            int sw, int dh, int dw, int top, int left, int first, int rows, float *dx);

#define GEO(g) g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11], g[12]

static inline int width_of(const int *g) { return g[5] * g[6] * g[2]; }

// Each chunk of up to `rows` output pixels in [first, last): its first pixel p and its size r.
#define FOR_CHUNKS(p, r, first, last, rows)                                                          \
  for (int p = first, r = last - first < rows ? last - first : rows; p < last;                      \
       p += r, r = last - p < rows ? last - p : rows)

// conv2d: o[first..last) = im2col(x) · f, chunk by chunk (o zeroed by the caller).
__attribute__((export_name("conv_forward"))) void conv_forward(const float *x, const float *f, float *o,
                                                               float *cols, float *work, const int *g,
                                                               int first, int last, int rows, int cout) {
  int width = width_of(g);
  FOR_CHUNKS(p, r, first, last, rows) {
    im2col(x, GEO(g), p, r, cols);
    gemm(r, cout, width, cols, width, 1, f, cout, 1, o + p * cout, cout, work);
  }
}

// conv2dBackpropInput: dx += col2im(dy · fᵀ) over output pixels [first, last) (dx zeroed by the
// caller). Threads take whole images, so no two write the same dx element.
__attribute__((export_name("conv_input_grad"))) void conv_input_grad(const float *dy, const float *f, float *dx,
                                                                     float *cols, float *work, const int *g,
                                                                     int first, int last, int rows, int cout) {
  int width = width_of(g);
  FOR_CHUNKS(p, r, first, last, rows) {
    __builtin_memset(cols, 0, (unsigned long)r * width * sizeof(float));
    gemm(r, width, cout, dy + p * cout, cout, 1, f, 1, cout, cols, width, work);
    col2im(cols, GEO(g), p, r, dx);
  }
}

// conv2dBackpropFilter: df += Σ_chunks im2col(x)ᵀ · dy over output pixels [first, last), in
// float32 (one thread: the chunk order is the sum order).
__attribute__((export_name("conv_filter_grad"))) void conv_filter_grad(const float *x, const float *dy, float *df,
                                                                       float *cols, float *work, const int *g,
                                                                       int first, int last, int rows, int cout) {
  int width = width_of(g);
  FOR_CHUNKS(p, r, first, last, rows) {
    im2col(x, GEO(g), p, r, cols);
    gemm(width, cout, r, cols, 1, width, dy + p * cout, cout, 1, df, cout, work);
  }
}
