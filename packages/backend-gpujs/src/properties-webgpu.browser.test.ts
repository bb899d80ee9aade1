import { runPropertyConformance } from '@descent/testing';
import { gpujsBackend } from './index';

// The property suite in Chromium's WebGPU (Dawn on SwiftShader's Vulkan). WGSL, like GLSL ES
// 3.00, lets implementations flush float32 subnormals to zero. Reads are asynchronous here, so
// this also covers the `data()` path. 80 cases per property (8,800 in all, about 30 s).
runPropertyConformance({
  name: 'gpujs',
  plugins: () => [gpujsBackend({ mode: 'webgpu' })],
  defaultNumRuns: 80,
  flushSubnormals: true,
});
