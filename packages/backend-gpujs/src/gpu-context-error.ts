import { DescentError } from '@descent/core';

/**
 * No GPU context of the requested mode can be had here (no WebGL2 in this browser, `gl` not
 * installed or not built in Node, no WebGPU adapter), or gpu.js tried to run a kernel on its
 * CPU fallback. The backend never falls back silently: the message says which mode failed and
 * what to do.
 *
 * @example
 * try {
 *   rt.setBackend('gpujs');
 * } catch (err) {
 *   if (err instanceof GpuContextError) rt.setBackend('cpu');
 * }
 */
export class GpuContextError extends DescentError {
  constructor(
    /** The gpu.js mode asked for (`'webgl2'`, `'headlessgl'`, ...). */
    readonly mode: string,
    message: string,
  ) {
    super('GPU_CONTEXT', `gpujs (mode "${mode}"): ${message}`);
  }
}
