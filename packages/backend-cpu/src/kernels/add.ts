import { binaryKernel } from '../internal/elementwise';
import { cpuKernel } from '../internal/kernel';
import { wasmAdd } from '../internal/wasm/wasm-add';

/** The JS kernel: a + b; int32 sums wrap on store. */
const jsAdd = binaryKernel(
  'add',
  (a, b) => a + b,
  undefined,
  (a, ia, da, b, ib, db, o, io, n) => {
    // Same-shape and scalar operands index directly: the common cases, and the fastest loops.
    if (da === 1 && db === 1) for (let j = 0; j < n; j++) o[io + j] = a[ia + j]! + b[ib + j]!;
    else if (da === 1 && db === 0) {
      const y = b[ib]!;
      for (let j = 0; j < n; j++) o[io + j] = a[ia + j]! + y;
    } else if (da === 0 && db === 1) {
      const x = a[ia]!;
      for (let j = 0; j < n; j++) o[io + j] = x + b[ib + j]!;
    } else for (let j = 0; j < n; j++, ia += da, ib += db) o[io + j] = a[ia]! + b[ib]!;
  },
);

/**
 * a + b: float32 operands of one shape, or with a bias repeated over leading axes, past
 * WASM_MIN_WORK elements run on the WASM module; everything else runs the JS loops.
 */
export const addKernel = cpuKernel('add', (args) => wasmAdd(args) ?? jsAdd.fn(args));
