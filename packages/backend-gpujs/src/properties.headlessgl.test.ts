import { runPropertyConformance } from '@descent/testing';
import { gpujsBackend } from './index';

// The property suite of @descent/testing on headless-gl (Mesa). Mesa flushes float32 subnormals
// to zero, as GLSL ES 3.00 §4.5.1 allows; everything else (signed zeros, NaN, ±Infinity,
// tolerances) is held to what the CPU backend is held to. Every case of a new shape compiles
// kernels: 150 cases per property (16,800 in all) take about 1.5 minutes on 2 cores;
// PROPERTY_RUNS overrides, PROPERTY_SEED replays.
runPropertyConformance({
  name: 'gpujs',
  plugins: () => [gpujsBackend({ mode: 'headlessgl' })],
  defaultNumRuns: 150,
  flushSubnormals: true,
});
