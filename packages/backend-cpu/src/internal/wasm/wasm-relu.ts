import { wasmElementwise } from './wasm-elementwise';

/**
 * `o = (x > 0 or x is NaN) ? y : +0` on the WASM module (wasm/relu.c), float32: relu with
 * y = x, its gradient with y = dy. Returns false (nothing done) where the module is unavailable.
 */
export function wasmReluMask(x: Float32Array, y: Float32Array, o: Float32Array): boolean {
  const inputs = x === y ? [x] : [x, y];
  const last = inputs.length - 1;
  return wasmElementwise(inputs, [o], (mod, ins, outs, n) => mod.relu_mask(n, ins[0]!, ins[last]!, outs[0]!));
}
