import type { Backend, BackendMemory, Kernel } from './backend';
import {
  BackendMismatchError,
  DuplicateRegistrationError,
  fmtShape,
  InvalidArgumentError,
  MissingKernelError,
  ShapeError,
  UnknownPluginError,
} from './errors';
import type { FusedKernel, FusedOpDef } from './fused-op';
import { BYTES_PER_ELEMENT, Storage } from './internal/storage';
import { toTypedArray } from './internal/to-typed-array';
import type { OpDef, OutputInfo } from './op-def';
import { kernelKey, type Plugin, type PluginContext } from './plugin';
import { backendPackage, Registry } from './registry';
import { philoxUniform, seedToKey } from './rng/philox';
import { shapesEqual } from './shape';
import { Tensor } from './tensor';
import type { DType, Shape, TensorInfo, TensorLike } from './types';

/** Options of `createRuntime`. */
export interface RuntimeOptions {
  /** Plugins to install, in order (backends, autograd, layers, ...). */
  plugins?: readonly Plugin[];
  /** Default backend; without it the registered backend of highest priority is used. */
  backend?: string;
  /** Seed of the runtime RNG (a non-negative integer); 0 by default. */
  seed?: number;
}

/** Everything an op listener (autograd's tape) learns about one op run. */
export interface OpRecord {
  /** The op that ran: a primitive, or a fused op a listener accepted whole. */
  readonly op: OpDef | FusedOpDef;
  /** Its tensor inputs. */
  readonly inputs: readonly Tensor[];
  /** Its normalized attributes. */
  readonly attrs: unknown;
  /** The tensor it made. */
  readonly output: Tensor;
}

/** Called after every op a runtime runs; autograd's tape is one. */
export type OpListener = (record: OpRecord) => void;

/** How a listener takes fused ops. */
export interface OpListenerOptions {
  /**
   * Whether the listener can record this single-output fused op whole (autograd: it has a
   * gradient rule for it). While any listener says no, fused ops run as their composites.
   */
  acceptsFused?(op: FusedOpDef): boolean;
}

/** Live tensors and bytes, in all and per backend. */
export interface MemoryInfo {
  /** Live (undisposed) tensors, all backends together. */
  numTensors: number;
  /** Bytes those tensors hold. */
  numBytes: number;
  /** Per backend: live tensors and bytes, and the backend's own counters. */
  backends: Record<
    string,
    {
      /** Live tensors on this backend. */
      numTensors: number;
      /** Bytes they hold. */
      numBytes: number;
      /** The backend's own counters (`Backend.memory()`). */
      backend: BackendMemory;
    }
  >;
}

/** Anything that may hold tensors: a tensor, arrays and plain objects of them. */
export type TensorTree =
  | Tensor
  | readonly TensorTree[]
  | { readonly [key: string]: TensorTree }
  | null
  | undefined
  | number
  | string
  | boolean;

/**
 * Owns backends, kernels and every other registered entry, memory scopes and the RNG.
 * Several runtimes can live in one process; tensors belong to one.
 *
 * @example
 * import { createRuntime, add } from '@descent/core';
 * import { cpuBackend } from '@descent/backend-cpu';
 * const rt = createRuntime({ plugins: [cpuBackend()], seed: 42 });
 * const y = rt.tidy(() => add(rt.tensor([1, 2]), 1));
 */
export class Runtime {
  /** Everything the installed plugins registered: backends, kernels, ops, optimizers, layers, ... */
  readonly registry = new Registry();
  private readonly installed = new Map<string, Plugin>();
  private readonly backends = new Map<string, Backend>();
  private defaultBackend: string | undefined;
  private readonly scopes: Set<Tensor>[] = [];
  private readonly listeners = new Map<OpListener, OpListenerOptions>();
  private readonly live = new Map<string, { tensors: number; bytes: number }>();
  private key: [number, number] = [0, 0];
  private counter = 0;

  constructor(options: RuntimeOptions = {}) {
    for (const plugin of options.plugins ?? []) this.use(plugin);
    if (options.backend !== undefined) this.setBackend(options.backend);
    this.seed(options.seed ?? 0);
  }

  // ---- plugins -------------------------------------------------------------------------

  /** Installs a plugin. Installing a second plugin of the same name fails unless `replace`. */
  use(plugin: Plugin, options: { replace?: boolean } = {}): this {
    const existing = this.installed.get(plugin.name);
    if (existing && !options.replace)
      throw new DuplicateRegistrationError('plugin', plugin.name, existing.name);
    this.installed.set(plugin.name, plugin);
    plugin.install(this.contextFor(plugin.name, options.replace ?? false));
    return this;
  }

  /** Installed plugins by name, with their versions. */
  plugins(): {
    /** The plugin's name. */
    name: string;
    /** The plugin's version. */
    version: string;
  }[] {
    return [...this.installed.values()].map(({ name, version }) => ({ name, version }));
  }

  private contextFor(pluginName: string, replace: boolean): PluginContext {
    const registry = this.registry;
    const opts = (o?: { replace?: boolean }) => ({ replace: o?.replace ?? replace });
    // Plain and fused kernels share the (op, backend) keys: an op has one kernel per backend.
    const registerKernels = (kernels: readonly (Kernel | FusedKernel)[], o?: { replace?: boolean }) => {
      for (const k of kernels)
        registry.register('kernel', kernelKey(k.op, k.backend), k, pluginName, opts(o));
    };
    return {
      runtime: this,
      register: (kind, name, value, o) => registry.register(kind, name, value, pluginName, opts(o)),
      registerBackend: (name, factory, o) => registry.register('backend', name, factory, pluginName, opts(o)),
      registerKernels,
      registerFusedKernels: registerKernels,
      registerOp: (def, o) => registry.register('op', def.name, def, pluginName, opts(o)),
    };
  }

  // ---- backends ------------------------------------------------------------------------

  /** Name of the backend new tensors go to. */
  get backendName(): string {
    if (this.defaultBackend !== undefined) return this.defaultBackend;
    const names = this.registry.names('backend');
    if (names.length === 0) {
      throw new UnknownPluginError(
        'backend',
        '(default)',
        'No backend is registered. Install one, e.g. @descent/backend-cpu, and pass cpuBackend() in plugins.',
      );
    }
    const priority = (n: string) => this.registry.get('backend', n).priority ?? 0;
    this.defaultBackend = names.reduce((best, n) => (priority(n) > priority(best) ? n : best));
    return this.defaultBackend;
  }

  /** Makes `name` the default backend: the one line that swaps CPU for GPU in an app. */
  setBackend(name: string): void {
    this.backend(name);
    this.defaultBackend = name;
  }

  /** The backend instance of that name (default: the default backend), created on first use. */
  backend(name: string = this.backendName): Backend {
    let b = this.backends.get(name);
    if (!b) {
      b = this.registry.get('backend', name).create();
      this.backends.set(name, b);
    }
    return b;
  }

  // ---- tensors -------------------------------------------------------------------------

  /**
   * A tensor from nested arrays, a typed array or a number. dtype is inferred (float32, or
   * bool for booleans, int32 for an Int32Array) unless given.
   *
   * @example
   * rt.tensor([[1, 2], [3, 4]]); // float32 [2,2]
   * rt.tensor(new Int32Array([1, 2, 3]), [3]);
   */
  tensor(values: TensorLike, shape?: Shape, dtype?: DType, options: { backend?: string } = {}): Tensor {
    const { data, inferredShape, dtype: dt } = toTypedArray(values, dtype);
    const finalShape = shape ?? inferredShape;
    const size = finalShape.reduce((a, b) => a * b, 1);
    if (!finalShape.every((d) => Number.isInteger(d) && d >= 0) || size !== data.length) {
      throw new ShapeError('tensor', `shape ${fmtShape(finalShape)} does not fit ${data.length} values`);
    }
    const backendName = options.backend ?? this.backendName;
    return this.adopt(this.backend(backendName).write(data, finalShape, dt), backendName);
  }

  /** A scalar (rank-0) tensor. */
  scalar(value: number | boolean, dtype?: DType): Tensor {
    return this.tensor(value, [], dtype);
  }

  /** @internal wraps a backend handle as a tracked tensor. */
  adopt(info: TensorInfo, backendName: string): Tensor {
    const storage = new Storage(
      this.backend(backendName),
      info,
      info.shape.reduce((a, b) => a * b, 1) * BYTES_PER_ELEMENT[info.dtype],
    );
    const live = this.liveOf(backendName);
    live.bytes += storage.bytes;
    return this.track(new Tensor(this, storage, info.shape, info.dtype, backendName));
  }

  /**
   * A new tensor over the same data (no copy), owned by the current scope like any new tensor.
   * Unlike the op `reshape`, op listeners do not see it: to autograd it is a fresh constant.
   */
  view(t: Tensor, shape: Shape = t.shape): Tensor {
    return this.track(new Tensor(this, t.storage, shape, t.dtype, t.backendName));
  }

  /**
   * A new handle on `t`'s data that no `tidy` scope owns: it keeps the data alive until it is
   * disposed, whatever happens to `t`. Autograd's tape holds forward values this way.
   */
  retain(t: Tensor): Tensor {
    t.assertAlive('retain');
    return this.keep(this.view(t, t.shape));
  }

  private track(t: Tensor): Tensor {
    this.liveOf(t.backendName).tensors++;
    this.scopes[this.scopes.length - 1]?.add(t);
    return t;
  }

  private liveOf(backend: string): { tensors: number; bytes: number } {
    let l = this.live.get(backend);
    if (!l) this.live.set(backend, (l = { tensors: 0, bytes: 0 }));
    return l;
  }

  /** @internal called by `Tensor.dispose`. */
  release(t: Tensor): void {
    const live = this.liveOf(t.backendName);
    live.tensors--;
    for (const scope of this.scopes) scope.delete(t);
    const s = t.storage;
    if (--s.refs === 0) {
      live.bytes -= s.bytes;
      s.backend.free(s.info);
    }
  }

  /** Copies a tensor to another backend of this runtime (async: GPU reads are). */
  async moveTo(t: Tensor, backendName: string): Promise<Tensor> {
    const values = await t.data();
    return this.tensor(values, t.shape, t.dtype, { backend: backendName });
  }

  // ---- ops -----------------------------------------------------------------------------

  /**
   * Runs an op: validates and infers its output, finds the kernel for the inputs' backend,
   * runs it and records the result for listeners (autograd). Plugins that add ops call this.
   */
  runOp<A>(def: OpDef<A>, inputs: readonly Tensor[], attrs: A, options: { backend?: string } = {}): Tensor {
    const backendName = this.backendOf(def.name, inputs) ?? options.backend ?? this.backendName;
    const infos = inputs.map((t) => t.info(def.name));
    const out = def.infer(infos, attrs);
    let output: Tensor;
    if (def.view) {
      output = this.view(inputs[0]!, out.shape);
    } else {
      const entry = this.registry.find('kernel', kernelKey(def.name, backendName));
      if (!entry) throw this.missingKernel(def, backendName);
      if ('fused' in entry.value)
        throw new InvalidArgumentError(
          def.name,
          `a fused kernel is registered for this op on "${backendName}"`,
        );
      const backend = this.backend(backendName);
      const info = entry.value.fn({ inputs: infos, attrs: attrs as Record<string, unknown>, backend, out });
      if (
        !shapesEqual(info.shape, out.shape) ||
        info.dtype !== out.dtype ||
        infos.some((i) => i.dataId === info.dataId)
      ) {
        throw new InvalidArgumentError(
          def.name,
          `kernel on backend "${backendName}" returned ${info.dtype} ${fmtShape(info.shape)}${infos.some((i) => i.dataId === info.dataId) ? ' aliasing an input' : ''}, expected a new ${out.dtype} ${fmtShape(out.shape)}`,
        );
      }
      output = this.adopt(info, backendName);
    }
    if (this.listeners.size) {
      const record: OpRecord = { op: def, inputs, attrs, output };
      for (const l of this.listeners.keys()) l(record);
    }
    return output;
  }

  /**
   * Runs a fused op: the backend's single-pass kernel when it has one and every op listener
   * accepts the op whole (none recording, or autograd with a rule for it), otherwise the op's
   * composite `fallback`, which listeners see as primitives. Returns one new tensor per output.
   */
  runFused<A>(def: FusedOpDef<A>, inputs: readonly Tensor[], attrs: A): Tensor[] {
    const backendName = this.backendOf(def.name, inputs) ?? this.backendName;
    const infos = inputs.map((t) => t.info(def.name));
    const outs = def.infer(infos, attrs);
    const entry = this.acceptFused(def, outs.length)
      ? this.registry.find('kernel', kernelKey(def.name, backendName))
      : undefined;
    if (!entry) return this.tidy(() => def.fallback(inputs, attrs));
    const kernel = entry.value as FusedKernel<A>;
    if (kernel.fused !== true)
      throw new InvalidArgumentError(
        def.name,
        `the kernel on backend "${backendName}" is not a fused kernel`,
      );
    const made = kernel.fn({ inputs: infos, attrs, backend: this.backend(backendName), outs });
    const bad = badOutput(infos, outs, made);
    if (bad >= 0 || made.length !== outs.length) {
      throw new InvalidArgumentError(
        def.name,
        `kernel on backend "${backendName}" returned ${made.length} outputs, expected ${outs.map((o) => `a new ${o.dtype} ${fmtShape(o.shape)}`).join(', ')}${bad >= 0 ? ` (output ${bad} is wrong)` : ''}`,
      );
    }
    const outputs = made.map((info) => this.adopt(info, backendName));
    if (this.listeners.size) {
      const record: OpRecord = { op: def, inputs, attrs, output: outputs[0]! };
      for (const l of this.listeners.keys()) l(record);
    }
    return outputs;
  }

  /** Whether a fused op's kernel may run: every listener records it whole (single output only), or none listens. */
  private acceptFused(def: FusedOpDef, outputs: number): boolean {
    for (const options of this.listeners.values())
      if (outputs !== 1 || options.acceptsFused?.(def) !== true) return false;
    return true;
  }

  private backendOf(op: string, inputs: readonly Tensor[]): string | undefined {
    const first = inputs[0];
    for (const t of inputs) {
      if (t.runtime !== this)
        throw new BackendMismatchError(op, `tensor #${t.id} belongs to another runtime`);
      if (t.backendName !== first!.backendName) {
        throw new BackendMismatchError(
          op,
          `inputs are on backends "${first!.backendName}" and "${t.backendName}"; move one with rt.moveTo(t, backend)`,
        );
      }
    }
    return first?.backendName;
  }

  private missingKernel(def: OpDef, backendName: string): MissingKernelError {
    const pkg = backendPackage(backendName);
    const owner = this.registry.find('backend', backendName)?.plugin;
    const where = pkg ?? (owner ? `the plugin "${owner}"` : 'its backend package');
    const opFrom = def.package === '@descent/core' ? '' : ` The op comes from ${def.package}.`;
    return new MissingKernelError(
      def.name,
      backendName,
      `Install a version of ${where} that implements it, or register a kernel with ctx.registerKernels.${opFrom}`,
    );
  }

  /** Calls `listener` after every op of this runtime; returns the function that removes it. */
  onOp(listener: OpListener, options: OpListenerOptions = {}): () => void {
    this.listeners.set(listener, options);
    return () => this.listeners.delete(listener);
  }

  // ---- memory scopes -------------------------------------------------------------------

  /**
   * Runs `fn` and disposes every tensor it created except those it returns (in any tree) and
   * those passed to `keep`. Synchronous only.
   *
   * @example
   * const loss = rt.tidy(() => mean(square(sub(pred, target))));
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a body that returns nothing is a valid tidy.
  tidy<T extends TensorTree | void>(fn: () => T): T {
    const scope = new Set<Tensor>();
    this.scopes.push(scope);
    const keepers = new Set<Tensor>();
    try {
      const result = fn();
      if (result instanceof Promise) {
        throw new InvalidArgumentError('tidy', 'the function returned a Promise; tidy is synchronous');
      }
      collectTensors(result as TensorTree, keepers);
      return result;
    } finally {
      // Also on a throw: nothing an aborted scope made may leak.
      this.scopes.pop();
      for (const t of scope) if (!keepers.has(t) && !t.kept) t.dispose();
      const parent = this.scopes[this.scopes.length - 1];
      if (parent) for (const t of keepers) if (scope.has(t)) parent.add(t);
    }
  }

  /** Marks a tensor to survive every enclosing `tidy`. */
  keep<T extends Tensor>(t: T): T {
    t.kept = true;
    for (const scope of this.scopes) scope.delete(t);
    return t;
  }

  /** Disposes every tensor in a tree. */
  dispose(tree: TensorTree): void {
    const all = new Set<Tensor>();
    collectTensors(tree, all);
    for (const t of all) t.dispose();
  }

  /** Live tensors and bytes, in all and per backend, with each backend's own counters. */
  memory(): MemoryInfo {
    const info: MemoryInfo = { numTensors: 0, numBytes: 0, backends: {} };
    for (const [name, l] of this.live) {
      info.numTensors += l.tensors;
      info.numBytes += l.bytes;
      const backend = this.backends.get(name)?.memory() ?? { bytes: 0, buffers: 0 };
      info.backends[name] = { numTensors: l.tensors, numBytes: l.bytes, backend };
    }
    return info;
  }

  // ---- RNG -----------------------------------------------------------------------------

  /** Restarts the RNG stream from a seed (a non-negative integer below 2^53). */
  seed(seed: number): void {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new InvalidArgumentError('seed', `expected a non-negative safe integer, got ${seed}`);
    }
    this.key = seedToKey(seed);
    this.counter = 0;
  }

  /** Where the RNG stream stands: save it in a checkpoint, restore it with `setRngState`. */
  rngState(): {
    /** The Philox key, two uint32 words made from the seed. */
    key: [number, number];
    /** The next Philox block to draw (each block gives four values). */
    counter: number;
  } {
    return { key: [this.key[0], this.key[1]], counter: this.counter };
  }

  /** Puts the RNG stream back where `rngState()` found it, so a resumed run draws the same numbers. */
  setRngState(state: { key: readonly [number, number]; counter: number }): void {
    const ok =
      Array.isArray(state?.key) &&
      state.key.length === 2 &&
      state.key.every((k) => Number.isInteger(k) && k >= 0 && k <= 0xffffffff) &&
      Number.isSafeInteger(state.counter) &&
      state.counter >= 0;
    if (!ok)
      throw new InvalidArgumentError(
        'setRngState',
        `expected { key: [uint32, uint32], counter: non-negative integer }, got ${JSON.stringify(state)}`,
      );
    this.key = [state.key[0], state.key[1]];
    this.counter = state.counter;
  }

  /**
   * Reserves `n` values of the runtime's stream and returns where they start. Draws never
   * overlap, so every consumer sees fresh numbers. Random ops use it; so can code that needs
   * the numbers on the host (per-sample augmentation parameters): `philoxUniform(key, counter,
   * out)` yields exactly what `randomUniform` would have.
   */
  drawRandom(n: number): {
    /** The Philox key, two uint32 words made from the seed. */
    key: [number, number];
    /** The first Philox block of the `n` values reserved (each block gives four values). */
    counter: number;
  } {
    const at = { key: this.key, counter: this.counter };
    this.counter += Math.ceil(n / 4);
    return at;
  }

  /**
   * A seeded random permutation of 0..n-1 (Fisher–Yates on the runtime stream).
   *
   * @example
   * const order = rt.shuffle(60000); // Int32Array
   */
  shuffle(n: number): Int32Array {
    if (!Number.isInteger(n) || n < 0)
      throw new InvalidArgumentError('shuffle', `expected a non-negative integer, got ${n}`);
    const { key, counter } = this.drawRandom(n);
    const u = philoxUniform(key, counter, new Float32Array(n));
    const perm = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.min(i, Math.floor(u[i]! * (i + 1)));
      const t = perm[i]!;
      perm[i] = perm[j]!;
      perm[j] = t;
    }
    return perm;
  }
}

/**
 * Creates a runtime. Several may coexist; each has its own backends, registry and RNG.
 *
 * @example
 * const rt = createRuntime({ plugins: [cpuBackend(), autograd()], seed: 42 });
 * rt.tensor([[1, 2], [3, 4]]);
 */
export function createRuntime(options: RuntimeOptions = {}): Runtime {
  return new Runtime(options);
}

/** The first of a fused kernel's outputs that is missing, misshapen or an input's (or another output's) handle; -1 for none. */
function badOutput(
  infos: readonly TensorInfo[],
  outs: readonly OutputInfo[],
  made: readonly TensorInfo[],
): number {
  for (let k = 0; k < outs.length; k++) {
    const info = made[k];
    if (!info || !shapesEqual(info.shape, outs[k]!.shape) || info.dtype !== outs[k]!.dtype) return k;
    for (const i of infos) if (i.dataId === info.dataId) return k;
    for (let j = 0; j < k; j++) if (made[j]!.dataId === info.dataId) return k;
  }
  return -1;
}

function collectTensors(tree: TensorTree, into: Set<Tensor>): void {
  if (tree instanceof Tensor) into.add(tree);
  else if (Array.isArray(tree)) for (const t of tree) collectTensors(t, into);
  else if (tree && typeof tree === 'object')
    for (const v of Object.values(tree)) collectTensors(v as TensorTree, into);
}
