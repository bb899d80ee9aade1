import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { GemmThreads, type GemmThreadsOptions } from './internal/wasm/gemm-threads';

export type { GemmThreadsOptions } from './internal/wasm/gemm-threads';
export { GemmThreads } from './internal/wasm/gemm-threads';

/**
 * A pool of `count` GEMM threads for `cpuBackend({ threads })` in Node: the calling thread and
 * `count - 1` worker threads share one WebAssembly memory and split each large product
 * (matmul, and the GEMMs of conv2d and its gradients). Results are bit-identical to one thread.
 * Defaults to `os.availableParallelism()` threads. Workers do not keep the process alive;
 * `close()` stops them.
 *
 * @example
 * import { cpuBackend } from '@descent/backend-cpu';
 * import { cpuThreads } from '@descent/backend-cpu/node';
 * const rt = createRuntime({ plugins: [cpuBackend({ threads: cpuThreads(2) })] });
 */
export function cpuThreads(
  count: number = availableParallelism(),
  options: GemmThreadsOptions = {},
): GemmThreads {
  return new GemmThreads(
    count,
    (source, workerData) => new Worker(source, { eval: true, workerData }),
    options,
  );
}
