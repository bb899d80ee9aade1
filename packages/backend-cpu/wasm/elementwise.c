// Elementwise kernels for WebAssembly SIMD (placeholder).
