import type { ParamTree, Tensor } from '@descent/core';
import type { Layer } from '../layer';
import type { SymbolicShape } from '../types';

/** Receives a new value of a non-trainable weight, with its path from where `apply` was called. */
export type StateUpdate = (path: string, value: Tensor) => void;

/** How one layer invocation runs: mode, where state updates go, and its path for messages. */
export interface InvokeContext {
  readonly training: boolean;
  /** The layer and every model around it are trainable. */
  readonly trainable: boolean;
  readonly update: boolean | StateUpdate;
  /** Path prefix of this layer's parameters from the root of `apply` ('' at the root). */
  readonly path: string;
}

/**
 * While a model runs its forward function, the parameters each of its layers must use. A layer
 * called inside (as a plain function) looks its binding up here, which is what lets a model's
 * `apply(params, x)` be differentiated with respect to `params`.
 */
export interface Frame {
  readonly model: Layer;
  readonly bindings: ReadonlyMap<Layer, ParamTree | undefined>;
  readonly ctx: InvokeContext;
  /** Output shapes seen per layer (while a model builds by a dry run). */
  readonly record?: Map<Layer, SymbolicShape>;
}

const frames: Frame[] = [];

export function currentFrame(): Frame | undefined {
  return frames[frames.length - 1];
}

/** Runs `fn` with `frame` innermost. Calls are synchronous, so a stack suffices. */
export function withFrame<T>(frame: Frame, fn: () => T): T {
  frames.push(frame);
  try {
    return fn();
  } finally {
    frames.pop();
  }
}

let placeholders = 0;

/** Runs `fn` with weights created as zeros instead of drawn: used when loading, where values come from a file. */
export function withoutInitializers<T>(fn: () => T): T {
  placeholders++;
  try {
    return fn();
  } finally {
    placeholders--;
  }
}

export function initializersSkipped(): boolean {
  return placeholders > 0;
}
