import { runPropertyConformance } from '@descent/testing';
import { gpujsBackend } from './index';

// The property suite in Chromium's WebGPU (Dawn on SwiftShader's Vulkan). WGSL, like GLSL ES
// 3.00, lets implementations flush float32 subnormals to zero. 100 cases per property (11,200 in
// all) take about 45 s; reads are asynchronous here, so this also checks the `data()` path.
runPropertyConformance({
  name: 'gpujs',
  plugins: () => [gpujsBackend({ mode: 'webgpu' })],
  defaultNumRuns: 100,
  flushSubnormals: true,
});
