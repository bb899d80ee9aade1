import { tile } from '../elementwise';
import { align4 } from './wasm-gemm';
import { place, wasmMemory } from './wasm-memory';

/**
 * `o = act(o + bias)` in place, the bias repeated over o's rows, act ReLU or none, on the WASM
 * module (wasm/elementwise.c's bias_act), float32: the dense kernel's epilogue. Returns false
 * (nothing done) where the module is unavailable.
 */
export function wasmBiasAct(o: Float32Array, bias: Float32Array, relu: boolean): boolean {
  const w = wasmMemory();
  // Tiled to whole vectors of four (a bias of 10 becomes 20 floats; one of 128 stays as it is).
  const t = tile(bias, 4, 4) as Float32Array;
  const p = w && place(w, [t], [o], { wholeVectors: true, outputs: 'accumulate' });
  if (!p) return false;
  w.mod.bias_act(align4(o.length), p.outs[0]!, p.ins[0]!, align4(t.length), relu ? 1 : 0);
  p.done();
  return true;
}
