import { autograd } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, type Runtime } from '@descent/core';
import { fromArrays, hostTensor } from '@descent/data';
import { Dense, Dropout, layers, sequential } from '@descent/layers';
import { optimizers } from '@descent/optimizers';

export function runtime(seed = 1): Runtime {
  return createRuntime({ plugins: [cpuBackend(), autograd(), layers(), optimizers()], seed });
}

/**
 * Three Gaussian blobs in 4-D (a small, learnable classification problem), from a fixed LCG so
 * the data never depends on the runtime's RNG.
 */
export function blobs(n = 192, seed = 5) {
  let s = seed;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const normal = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const centers = [
    [2, 0, 0, 1],
    [-2, 1, 0, -1],
    [0, -2, 2, 0],
  ];
  const x = new Float32Array(n * 4);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    y[i] = c;
    for (let j = 0; j < 4; j++) x[i * 4 + j] = centers[c]![j]! + 0.7 * normal();
  }
  return { x: hostTensor(x, [n, 4]), y: hostTensor(y, [n], 'int32') };
}

export function blobData(n = 192, seed = 5) {
  return fromArrays(blobs(n, seed));
}

/** A small MLP with dropout (so training draws from the RNG). */
export function mlp(rt: Runtime, options: { dropout?: number } = {}) {
  return sequential([
    new Dense({ units: 16, activation: 'relu', inputShape: [4] }),
    ...(options.dropout ? [new Dropout({ rate: options.dropout })] : []),
    new Dense({ units: 3 }),
  ]).init(rt);
}

/** Every weight's values by path (copies). */
export function weightsOf(model: {
  variables(): { path: string; variable: { value: { dataSync(): ArrayLike<number> } } }[];
}) {
  return Object.fromEntries(
    model.variables().map(({ path, variable }) => [path, Array.from(variable.value.dataSync())]),
  );
}

export const quiet = () => {};
