import { DescentError } from '@descent/core';
import type { SymbolicShape } from './types';

/**
 * A layer called or built on an input it cannot take, or given parameters that do not fit it.
 * Names the layer and shows the expected and the received shape.
 *
 * @example
 * new Dense({ units: 2 }).init(rt, [null, 4]).call(rt.tensor([[1, 2, 3]]));
 * // LayerError: Dense "dense": expected input of shape [null,4], received [1,3]
 */
export class LayerError extends DescentError {
  constructor(
    /** Name of the layer (`dense_1`). */
    readonly layer: string,
    message: string,
    /** The expected input or parameter shape, as printed (`[null,4]`), when the error is about a shape. */
    readonly expected?: string,
    /** The shape that came. */
    readonly received?: SymbolicShape,
    /** The layer's class (`Dense`). */
    readonly className?: string,
  ) {
    super('LAYER', `${className ?? 'layer'} "${layer}": ${message}`);
  }
}

/**
 * A model config or weights file that cannot be read or does not fit the model: names the
 * parameter path (and both shapes or dtypes), or the byte offset in the file.
 */
export class SerializationError extends DescentError {
  constructor(
    message: string,
    /** The parameter path concerned (`dense_1/kernel`), if any. */
    readonly path?: string,
  ) {
    super('SERIALIZATION', message);
  }
}
