import type { Tensor } from '@descent/core';
import type { OptState } from '../gradient-transform';
import { mapState, stateTensors } from '../internal/state-tree';

/**
 * A copy of a state with every tensor on `backend` (another backend of the same runtime, e.g. from
 * 'cpu' to 'gpujs'); numbers and the structure are copied as they are. Async because reading a
 * GPU tensor is. The copy is kept (`rt.keep`) like any live state; the old state is left alone:
 * dispose it when the copy has replaced it.
 *
 * @example
 * const onGpu = await moveState(state, 'gpujs');
 * disposeState(state);
 */
export async function moveState<S extends OptState>(state: S, backend: string): Promise<S> {
  const tensors = stateTensors('moveState', state);
  const moved = new Map<Tensor, Tensor>();
  try {
    for (const { path, tensor } of tensors) {
      tensor.assertAlive(`moveState (state "${path}")`);
      moved.set(tensor, tensor.runtime.keep(await tensor.runtime.moveTo(tensor, backend)));
    }
  } catch (err) {
    for (const t of moved.values()) t.dispose();
    throw err;
  }
  return mapState('moveState', state, (t) => moved.get(t)!) as S;
}
