import type { BackendFactory, Kernel } from './backend';
import { DuplicateRegistrationError, UnknownPluginError } from './errors';
import type { FusedKernel } from './fused-op';
import type { OpDef } from './op-def';

/**
 * The value type of each registry kind core knows. Packages type their own kinds by
 * declaration merging: `declare module '@descent/core' { interface RegistryKinds { optimizer: OptimizerFactory } }`;
 * a kind nobody declared holds `unknown`.
 */
export interface RegistryKinds {
  /** Backends, by name (`'cpu'`). */
  backend: BackendFactory;
  /** FusedKernel; | Kernels, keyed by op and backend. */
  kernel: Kernel | FusedKernel;
  /** Op definitions, by op name. */
  op: OpDef;
}

/** Any kind name: 'backend', 'kernel', 'op', 'gradient', 'optimizer', 'layer', 'loss', ... */
export type RegistryKind = string;

/** What an entry of kind K holds. */
export type RegistryValue<K extends string> = K extends keyof RegistryKinds ? RegistryKinds[K] : unknown;

/** The package users install for each kind of entry, quoted when a name is missing. */
const PROVIDERS: Record<string, string> = {
  gradient: '@descent/autograd',
  optimizer: '@descent/optimizers',
  schedule: '@descent/optimizers',
  layer: '@descent/layers',
  activation: '@descent/layers',
  initializer: '@descent/layers',
  loss: '@descent/layers',
  metric: '@descent/layers',
  regularizer: '@descent/regularizers',
  constraint: '@descent/regularizers',
  augmentation: '@descent/augment',
  callback: '@descent/trainer',
};

/** Backends descent ships, so a missing one can be named with its package. */
const KNOWN_BACKENDS: Record<string, string> = {
  cpu: '@descent/backend-cpu',
  gpujs: '@descent/backend-gpujs',
};

/** One registered entry and the plugin that registered it. */
export interface RegistryEntry<T> {
  /** What was registered. */
  readonly value: T;
  /** Name of the plugin that registered it. */
  readonly plugin: string;
}

/** Options of a registration. */
export interface RegisterOptions {
  /** Replace an entry of the same name instead of failing. */
  replace?: boolean;
}

/** Named entries of every kind, each remembering the plugin that brought it. */
export class Registry {
  private readonly kinds = new Map<string, Map<string, RegistryEntry<unknown>>>();

  /** Adds an entry; a name already taken throws `DuplicateRegistrationError` unless `{ replace: true }`. */
  register<K extends RegistryKind>(
    kind: K,
    name: string,
    value: RegistryValue<K>,
    plugin: string,
    options: RegisterOptions = {},
  ): void {
    let entries = this.kinds.get(kind);
    if (!entries) this.kinds.set(kind, (entries = new Map()));
    const existing = entries.get(name);
    if (existing && !options.replace) throw new DuplicateRegistrationError(kind, name, existing.plugin);
    entries.set(name, { value, plugin });
  }

  /** Looks a name up; `undefined` when nobody registered it. */
  find<K extends RegistryKind>(kind: K, name: string): RegistryEntry<RegistryValue<K>> | undefined {
    return this.kinds.get(kind)?.get(name) as RegistryEntry<RegistryValue<K>> | undefined;
  }

  /** Looks a name up; a missing one throws `UnknownPluginError` saying what to install. */
  get<K extends RegistryKind>(kind: K, name: string): RegistryValue<K> {
    const entry = this.find(kind, name);
    if (!entry) throw new UnknownPluginError(kind, name, this.hint(kind, name));
    return entry.value;
  }

  /** The registered names of a kind, in registration order. */
  names(kind: RegistryKind): string[] {
    return [...(this.kinds.get(kind)?.keys() ?? [])];
  }

  private hint(kind: string, name: string): string {
    const known = this.names(kind);
    const have = known.length ? `Registered: ${known.join(', ')}.` : `No ${kind} is registered.`;
    const pkg = kind === 'backend' ? KNOWN_BACKENDS[name] : PROVIDERS[kind];
    const install = pkg ? ` It is provided by ${pkg}: install it and add its plugin to the runtime.` : '';
    return `${have}${install}`;
  }
}

/** The package that provides a built-in backend, if descent ships one by that name. */
export function backendPackage(name: string): string | undefined {
  return KNOWN_BACKENDS[name];
}
