import { checkFunction, InvalidArgumentError, Tensor } from '@descent/core';
import { noGrad } from './no-grad';
import { activeTapes } from './tape';

/** What the function given to `customGrad` returns. */
export interface CustomGradResult {
  /** The forward value. */
  value: Tensor;
  /** dL/dinputs given dL/dvalue, one per input (undefined: no gradient). */
  gradFunc: (dy: Tensor, saved: readonly Tensor[]) => readonly (Tensor | undefined)[];
}

/**
 * Gives a function its own backward. `f` receives the inputs and a `save` function for the
 * forward values `gradFunc` will need (they are kept until backward is done); its inner ops are
 * not recorded.
 *
 * @example
 * // A straight-through round: forward rounds, backward passes dy unchanged.
 * const roundSte = customGrad(([x]) => ({ value: round(x!), gradFunc: (dy) => [dy] }));
 */
export function customGrad(
  f: (inputs: readonly Tensor[], save: (...tensors: Tensor[]) => void) => CustomGradResult,
): (...inputs: Tensor[]) => Tensor {
  checkFunction('customGrad', 'f', f);
  return (...inputs) => {
    const first = inputs[0];
    if (!(first instanceof Tensor))
      throw new InvalidArgumentError('customGrad', 'expected at least one Tensor input');
    const rt = first.runtime;
    const saved: Tensor[] = [];
    const save = (...ts: Tensor[]) => {
      for (const t of ts) saved.push(rt.retain(t));
    };
    const { value, gradFunc } = noGrad(rt, () => f(inputs, save));
    const tapes = activeTapes(rt);
    if (tapes.length === 0) {
      for (const t of saved) t.dispose();
      return value;
    }
    const rule = {
      backward: (dy: Tensor) => gradFunc(dy, saved),
    };
    for (const tape of tapes) tape.record('customGrad', rule, inputs, {}, value);
    // The saved values live as long as the outermost tape that recorded them.
    tapes[0]!.onDispose(() => {
      for (const t of saved) t.dispose();
    });
    return value;
  };
}
