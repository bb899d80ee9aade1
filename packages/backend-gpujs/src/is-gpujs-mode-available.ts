import { type GpujsMode, isModeSupported } from './internal/device';
import { GPU } from './internal/gpujs-lib';

/**
 * Whether `gpujsBackend({ mode })` can run here: for WebGPU this requests an adapter (which
 * `navigator.gpu` alone does not promise), so it is async. Apps use it to pick a mode before
 * creating the runtime.
 *
 * @example
 * const mode = (await isGpujsModeAvailable('webgpu')) ? 'webgpu' : 'webgl2';
 * const rt = createRuntime({ plugins: [gpujsBackend({ mode })] });
 */
export async function isGpujsModeAvailable(mode: GpujsMode): Promise<boolean> {
  if (!isModeSupported(mode)) return false;
  return mode === 'webgpu' ? GPU.isWebGPUAvailable() : true;
}
