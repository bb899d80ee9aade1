import type { OptState } from '../gradient-transform';
import { stateTensors } from '../internal/state-tree';

/**
 * Frees every tensor of an optimizer state (kept or not). Numbers need no freeing.
 *
 * @example
 * disposeState(state); // at the end of training, or after moving the state elsewhere
 */
export function disposeState(state: OptState): void {
  for (const { tensor } of stateTensors('disposeState', state)) tensor.dispose();
}
