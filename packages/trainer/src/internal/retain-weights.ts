import type { Tensor } from '@descent/core';
import type { Layer } from '@descent/layers';

/** New handles on every weight of the model, by path (no copy: tensors are immutable). */
export function retainWeights(model: Layer): Record<string, Tensor> {
  const rt = model.runtime!;
  return Object.fromEntries(model.variables().map(({ path, variable }) => [path, rt.retain(variable.value)]));
}

export function disposeWeights(weights: Record<string, Tensor> | undefined): void {
  for (const t of Object.values(weights ?? {})) t.dispose();
}
