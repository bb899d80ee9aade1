// The frameworks under test, behind one small interface: descent's CPU backend, and TF.js 4.22
// (tfjs-core) on its cpu and wasm backends. Each op runs to completion (a read of one element
// forces TF.js's lazy backends), so wall time is compute time.
import { cpuBackend } from '@descent/backend-cpu';
import { cpuThreads } from '@descent/backend-cpu/node';
import {
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  createRuntime,
  matmul,
  type Runtime,
  type Tensor,
} from '@descent/core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { registerTfjsGradients } from './tfjs-gradients';
import { registerWasmConv2DBackpropFilter } from './tfjs-wasm-conv-filter-grad';

export type FrameworkName = 'descent' | 'descent-threads' | 'tfjs-wasm' | 'tfjs-cpu';
/** descent on one thread, descent with GEMM threads on every core, TF.js wasm (one thread in Node) and cpu. */
export const FRAMEWORKS: readonly FrameworkName[] = ['descent', 'descent-threads', 'tfjs-wasm', 'tfjs-cpu'];

/** A descent runtime on the CPU backend: one thread, or GEMM threads on every core. */
export function descentRuntime(threads: boolean): Runtime {
  return createRuntime({ plugins: [cpuBackend(threads ? { threads: cpuThreads() } : {})] });
}

export interface ConvCase {
  x: [number, number, number, number];
  f: [number, number, number, number];
}

/** A benchmark prepared on one framework: `run` does the work once; `dispose` frees the inputs. */
export interface Prepared {
  run(): void;
  dispose(): void;
}

export interface Framework {
  name: FrameworkName;
  matmul(m: number, k: number, n: number, ta: boolean, tb: boolean): Prepared;
  /** 'same' padding, stride 1; backward adds the input and filter gradients. */
  conv(c: ConvCase, backward: boolean): Prepared;
}

export async function tfjs(backend: 'cpu' | 'wasm'): Promise<typeof tf> {
  await registerTfjsGradients();
  // Silences the banner that recommends tfjs-node, which this comparison leaves out on purpose.
  tf.env().set('PROD', true);
  // The wasm backend lacks the conv2d filter gradient: the bench supplies one from its own ops.
  if (backend === 'wasm') registerWasmConv2DBackpropFilter(tf);
  if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} did not start`);
  await tf.ready();
  return tf;
}

export function descentFramework(threads = false): Framework {
  const rt = descentRuntime(threads);
  const t = (values: Float32Array, shape: number[]) => rt.tensor(values, shape);
  return {
    name: threads ? 'descent-threads' : 'descent',
    matmul(m, k, n, ta, tb) {
      const a = t(fill(m * k, 1), ta ? [k, m] : [m, k]);
      const b = t(fill(k * n, 2), tb ? [n, k] : [k, n]);
      return {
        run: () => matmul(a, b, { transposeA: ta, transposeB: tb }).dispose(),
        dispose: () => rt.dispose([a, b]),
      };
    },
    conv(c, backward) {
      const x = t(fill(size(c.x), 3), c.x);
      const f = t(fill(size(c.f), 4), c.f);
      const [fh, fw] = c.f;
      const pt = (fh - 1) >> 1;
      const pl = (fw - 1) >> 1;
      const attrs = {
        strides: [1, 1],
        pads: [pt, fh - 1 - pt, pl, fw - 1 - pl],
        dilations: [1, 1],
      } as const;
      const dy = t(fill(c.x[0] * c.x[1] * c.x[2] * c.f[3], 5), [c.x[0], c.x[1], c.x[2], c.f[3]]);
      return {
        run: () => {
          const y: Tensor = conv2d(x, f, { padding: 'same' });
          y.dispose();
          if (!backward) return;
          conv2dBackpropInput(dy, f, { ...attrs, inputShape: c.x }).dispose();
          conv2dBackpropFilter(x, dy, { ...attrs, filterShape: c.f }).dispose();
        },
        dispose: () => rt.dispose([x, f, dy]),
      };
    },
  };
}

export async function tfjsFramework(backend: 'cpu' | 'wasm'): Promise<Framework> {
  await tfjs(backend);
  const t = (values: Float32Array, shape: number[]) => tf.tensor(values, shape);
  const force = (y: tf.Tensor) => {
    // dataSync of the whole result would add a copy; one element forces the computation.
    y.dataSync();
    y.dispose();
  };
  return {
    name: backend === 'cpu' ? 'tfjs-cpu' : 'tfjs-wasm',
    matmul(m, k, n, ta, tb) {
      const a = t(fill(m * k, 1), ta ? [k, m] : [m, k]);
      const b = t(fill(k * n, 2), tb ? [n, k] : [k, n]);
      return {
        run: () => force(tf.matMul(a, b, ta, tb)),
        dispose: () => tf.dispose([a, b]),
      };
    },
    conv(c, backward) {
      const x = t(fill(size(c.x), 3), c.x) as tf.Tensor4D;
      const f = t(fill(size(c.f), 4), c.f) as tf.Tensor4D;
      const dy = t(fill(c.x[0] * c.x[1] * c.x[2] * c.f[3], 5), [c.x[0], c.x[1], c.x[2], c.f[3]]);
      const g = tf.grads((xi: tf.Tensor, fi: tf.Tensor) =>
        tf.conv2d(xi as tf.Tensor4D, fi as tf.Tensor4D, 1, 'same'),
      );
      return {
        run: () => {
          if (!backward) return force(tf.conv2d(x, f, 1, 'same'));
          const [dx, df] = g([x, f], dy);
          force(dx!);
          force(df!);
        },
        dispose: () => tf.dispose([x, f, dy]),
      };
    },
  };
}

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function fill(n: number, seed: number): Float32Array {
  let s = seed * 2654435761;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    out[i] = ((s >>> 8) / 2 ** 24) * 2 - 1;
  }
  return out;
}
