import type { KernelArgs, TensorInfo } from '@descent/core';
import type { CpuBackend } from '../../cpu-backend';
import { repeatsOverLeading, tile } from '../elementwise';
import { wasmElementwise } from './wasm-elementwise';
import { align4 } from './wasm-gemm';
import { wasmMemory } from './wasm-memory';
import { wasmElementwisePath } from './wasm-path';

/**
 * float32 `add` on the WASM module (wasm/elementwise.c's add_tiled) for operands of one shape,
 * or where one repeats over the leading axes (a bias): the result's handle, or undefined where
 * the JS kernel should run (other dtypes or broadcasts, small tensors, no module).
 */
export function wasmAdd({
  inputs: [a, b],
  backend,
  out,
}: KernelArgs<unknown, CpuBackend>): TensorInfo | undefined {
  const av = backend.values(a!) as Float32Array;
  const bv = backend.values(b!) as Float32Array;
  // The output's size: a full operand has it (a [6, 1] + [1, 6] has none, and stays in JS).
  const n = out.shape.reduce((p, d) => p * d, 1);
  if (a!.dtype !== 'float32' || !wasmElementwisePath(backend, n) || !wasmMemory()) return undefined;
  let full: Float32Array;
  let other: Float32Array;
  if (av.length === n && (bv.length === n || repeatsOverLeading(b!.shape, out.shape)))
    [full, other] = [av, bv];
  else if (bv.length === n && repeatsOverLeading(a!.shape, out.shape)) [full, other] = [bv, av];
  else return undefined;
  // One shape: the other operand is its own tile; a bias: tiled to whole vectors of four.
  // The C loop walks the tile itself, so the fewest copies that make whole vectors (often none).
  const t = other.length === n ? other : (tile(other, 4, 4) as Float32Array);
  const res = backend.makeForOverwrite(out.shape, 'float32');
  wasmElementwise([full, t], [backend.values(res) as Float32Array], (mod, ins, outs, len) =>
    mod.add_tiled(len, ins[0]!, ins[1]!, align4(t.length), outs[0]!),
  );
  return res;
}
