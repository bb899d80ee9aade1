import { adamUpdateOp } from './fused/adam-update';
import { denseOp } from './fused/dense';
import { reluOp } from './fused/relu';
import { reluGradOp } from './fused/relu-grad';
import { softmaxCrossEntropyOp } from './fused/softmax-cross-entropy';
import { softmaxCrossEntropyGradOp } from './fused/softmax-cross-entropy-grad';
import type { FusedOpDef } from './fused-op';

/**
 * Every fused op of core: hot composites a backend may run as one kernel. Backends need not
 * implement any (the composite runs instead); the conformance suite checks those they do.
 */
export const fusedOps: readonly FusedOpDef[] = [
  adamUpdateOp,
  denseOp,
  reluOp,
  reluGradOp,
  softmaxCrossEntropyOp,
  softmaxCrossEntropyGradOp,
];
