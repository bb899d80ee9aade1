import type { Backend } from './backend';
import type { OutputInfo } from './op-def';
import type { Tensor } from './tensor';
import type { TensorInfo } from './types';

/**
 * A hot composite that a backend may run as one kernel (an optimizer's whole update, say).
 * The composite, `fallback`, is the definition: it runs where the backend has no kernel for
 * the op and whenever an op listener (autograd's tape) is recording, so gradients and traces
 * see primitives only. A fused kernel must agree with `fallback` within float32 rounding;
 * `@descent/testing`'s conformance suite checks that.
 */
// biome-ignore lint/suspicious/noExplicitAny: fused ops with specific attrs must fit one list (fusedOps).
export interface FusedOpDef<A = any> {
  /** Name of the fused op, unique in the registry (kernels are registered under it). */
  readonly name: string;
  /** Package that defines the op. */
  readonly package: string;
  /** Validates the inputs and infers every output; kernels see only well-formed input. */
  infer(inputs: readonly TensorInfo[], attrs: A): readonly OutputInfo[];
  /** The composite of primitives that defines the op; returns new tensors, one per output. */
  fallback(inputs: readonly Tensor[], attrs: A): Tensor[];
}

/** What a fused kernel gets: input handles, attributes, its backend and every inferred output. */
export interface FusedKernelArgs<A = Record<string, unknown>, B extends Backend = Backend> {
  /** The op's tensor inputs, in the op's order, alive and on this backend. */
  readonly inputs: readonly TensorInfo[];
  /** The op's attributes, validated by the op's `infer`. */
  readonly attrs: A;
  /** The backend the kernel runs on. */
  readonly backend: B;
  /** Shape and dtype of every output, as `infer` computed them; the kernel returns exactly these. */
  readonly outs: readonly OutputInfo[];
}

/** A backend's single-pass implementation of a fused op: one new handle per output. */
// biome-ignore lint/suspicious/noExplicitAny: kernels with specific attrs and backends must fit one registry slot.
export interface FusedKernel<A = any, B extends Backend = any> {
  /** Name of the fused op the kernel implements. */
  readonly op: string;
  /** Name of the backend the kernel runs on. */
  readonly backend: string;
  /** Marks a fused kernel in the registry (plain kernels have no such field). */
  readonly fused: true;
  /** The implementation: one new data handle per output, in the order of `outs`. */
  readonly fn: (args: FusedKernelArgs<A, B>) => readonly TensorInfo[];
}

/** Defines a fused op of `@descent/core`; plugins define their own with their package name. */
export function defineFusedOp<A>(def: Omit<FusedOpDef<A>, 'package'> & { package?: string }): FusedOpDef<A> {
  return { package: '@descent/core', ...def };
}
