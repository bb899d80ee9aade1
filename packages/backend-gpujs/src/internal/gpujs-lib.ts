import * as gpujs from 'gpu.js';

// gpu.js is CommonJS (a UMD bundle in browsers, whose module.exports is the GPU class carrying
// the other exports as properties), and its typings omit the WebGPU classes: read them here.
// biome-ignore lint/suspicious/noExplicitAny: see above.
const ns: any = gpujs;
// biome-ignore lint/suspicious/noExplicitAny: see above.
const lib: any = ns.GPU ? ns : ns.default;

/** The gpu.js classes the backend uses. */
export const GPU: typeof gpujs.GPU = lib.GPU;
export const Texture: typeof gpujs.Texture = lib.Texture;
// biome-ignore lint/suspicious/noExplicitAny: kernel classes are checked with instanceof only.
export const KERNELS: Record<'webgl2' | 'webgl' | 'headlessgl' | 'webgpu', any> = {
  webgl2: lib.WebGL2Kernel,
  webgl: lib.WebGLKernel,
  headlessgl: lib.HeadlessGLKernel,
  webgpu: lib.WebGPUKernel,
};
/** WebGPU's pipeline-mode result: a refcounted storage buffer with async `toArray()`. */
export const WebGPUBufferResult: new (...args: never[]) => WebGPUBuffer = lib.WebGPUBufferResult;

export interface WebGPUBuffer {
  toArray(): Promise<Float32Array | number[]>;
  delete(): void;
}
