import { Tensor } from '@descent/core';
import type { OptState } from '@descent/optimizers';

/** A state of the same structure with `fn(t)` in place of each tensor (numbers and the rest kept). */
export function mapStateTensors(state: OptState, fn: (t: Tensor) => Tensor): OptState {
  if (state instanceof Tensor) return fn(state);
  if (Array.isArray(state)) return state.map((s) => mapStateTensors(s, fn));
  if (state !== null && typeof state === 'object')
    return Object.fromEntries(
      Object.entries(state).map(([k, v]) => [k, mapStateTensors(v as OptState, fn)]),
    ) as OptState;
  return state;
}
