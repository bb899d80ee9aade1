import { runPropertyConformance } from '@descent/testing';
import { gpujsBackend } from './index';

// The property suite in Chromium's WebGL2 (ANGLE on SwiftShader), which flushes float32
// subnormals to zero, as GLSL ES 3.00 §4.5.1 allows; signed zeros, NaN, ±Infinity and
// tolerances are held to what the CPU backend is held to. 100 cases per property (11,200 in
// all) take about 45 s: every case of a new shape compiles kernels.
runPropertyConformance({
  name: 'gpujs',
  plugins: () => [gpujsBackend({ mode: 'webgl2' })],
  defaultNumRuns: 100,
  flushSubnormals: true,
});
