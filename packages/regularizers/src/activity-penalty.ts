import { checkTensor, div, fmtShape, InvalidArgumentError, type Tensor } from '@descent/core';
import type { Regularizer } from '@descent/layers';

/**
 * A penalty on a layer's output (Keras' `activity_regularizer`): `regularizer.penalty(y)`
 * divided by the batch size `y.shape[0]`, as Keras does. Layers take no activity regularizer
 * option yet, so add it to the loss where the activations are at hand.
 *
 * @example
 * const h = hidden.apply(p.hidden, x);
 * const objective = add(loss(y, out.apply(p.out, h)), activityPenalty(l1(1e-4), h));
 */
export function activityPenalty(regularizer: Regularizer, activations: Tensor): Tensor {
  if (regularizer === null || typeof regularizer !== 'object' || typeof regularizer.penalty !== 'function')
    throw new InvalidArgumentError('activityPenalty', 'expected a regularizer (an object with penalty(w))');
  checkTensor('activityPenalty', 'activations', activations);
  const batch = activations.shape[0];
  if (activations.rank === 0 || !batch)
    throw new InvalidArgumentError(
      'activityPenalty',
      `expected activations with a non-empty batch axis, got shape ${fmtShape(activations.shape)}`,
    );
  return activations.runtime.tidy(() => div(regularizer.penalty(activations), batch));
}
