import { runPropertyConformance } from '@descent/testing';
import { gpujsBackend } from './index';

// The property suite of @descent/testing on headless-gl (Mesa). Mesa flushes float32 subnormals
// to zero, as GLSL ES 3.00 §4.5.1 allows; everything else (signed zeros, NaN, ±Infinity,
// tolerances) is held to what the CPU backend is held to. Every case of a new shape compiles
// kernels, so CI runs 120 cases per property (13,200 in all, 60–85 s on 2 cores);
// PROPERTY_RUNS overrides, PROPERTY_SEED replays.
runPropertyConformance({
  name: 'gpujs',
  plugins: () => [gpujsBackend({ mode: 'headlessgl' })],
  defaultNumRuns: 120,
  flushSubnormals: true,
});
