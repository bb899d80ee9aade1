import { runPropertyConformance } from '@descent/testing';
import { gpujsBackend } from './index';

// The property suite in Chromium's WebGL2 (ANGLE on SwiftShader), which flushes float32
// subnormals to zero, as GLSL ES 3.00 §4.5.1 allows; signed zeros, NaN, ±Infinity and
// tolerances are held to what the CPU backend is held to. Every case of a new shape compiles
// kernels, so CI runs 80 cases per property (8,800 in all, about 40 s).
runPropertyConformance({
  name: 'gpujs',
  plugins: () => [gpujsBackend({ mode: 'webgl2' })],
  defaultNumRuns: 80,
  flushSubnormals: true,
});
