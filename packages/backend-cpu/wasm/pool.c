// Max pooling for WebAssembly SIMD (placeholder: see src/internal/max-pool-fast.ts for the JS kernel).
