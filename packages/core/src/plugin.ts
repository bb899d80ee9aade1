import type { BackendFactory, Kernel } from './backend';
import type { FusedKernel } from './fused-op';
import type { OpDef } from './op-def';
import type { RegisterOptions, RegistryKind, RegistryValue } from './registry';
import type { Runtime } from './runtime';

/**
 * The one way anything is added to descent: a plain object whose `install` registers what
 * the plugin brings. Nothing registers itself by being imported.
 *
 * @example
 * const myOptimizers: Plugin = {
 *   name: 'my-optimizers',
 *   version: '1.0.0',
 *   install(ctx) {
 *     ctx.register('optimizer', 'signSgd', (lr: number) => makeSignSgd(lr));
 *   },
 * };
 * rt.use(myOptimizers);
 */
export interface Plugin {
  /**
   * Name of the plugin, usually its package's (`'@descent/layers'`); installing two plugins of one name is an
   * error.
   */
  readonly name: string;
  /** Version of the plugin, recorded with what it registers (checkpoints name it). */
  readonly version: string;
  /** Registers what the plugin brings; called once by `runtime.use`. */
  install(ctx: PluginContext): void;
}

/** What `install` receives; every registration is attributed to the plugin being installed. */
export interface PluginContext {
  /** The runtime the plugin is being installed into. */
  readonly runtime: Runtime;
  /** Registers a named entry of any kind; a name already taken needs `{ replace: true }`. */
  register<K extends RegistryKind>(
    kind: K,
    name: string,
    value: RegistryValue<K>,
    options?: RegisterOptions,
  ): void;
  /** Registers a backend factory under a name. */
  registerBackend(name: string, factory: BackendFactory, options?: RegisterOptions): void;
  /** Registers kernels; a kernel for an existing (op, backend) pair needs `{ replace: true }`. */
  registerKernels(kernels: readonly Kernel[], options?: RegisterOptions): void;
  /** Registers kernels of fused ops (`defineFusedOp`), under the same (op, backend) keys. */
  registerFusedKernels(kernels: readonly FusedKernel[], options?: RegisterOptions): void;
  /** Registers an op definition (one made with `defineOp`) under its name. */
  registerOp(def: OpDef, options?: RegisterOptions): void;
}

/** Registry key of a kernel. */
export function kernelKey(op: string, backend: string): string {
  return `${backend}/${op}`;
}
