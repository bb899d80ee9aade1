import { checkOptions, checkRuntime, InvalidArgumentError, type Runtime } from '@descent/core';
import { SerializationError } from '../errors';
import { checkLayer } from '../internal/check-layer';
import { withoutInitializers } from '../internal/frames';
import { isSymbolicShape } from '../internal/shapes';
import type { Layer } from '../layer';
import { Model } from '../models/model';
import type { SymbolicShape } from '../types';
import { deserializeLayer, type SerializedLayer, serializeLayer } from './layer-json';

/** A saved model config. */
export interface ModelJSON {
  /** Marks the file as a descent model config. */
  readonly format: 'descent-model';
  /** Version of the format, raised on incompatible changes. */
  readonly formatVersion: 1;
  /** The model itself, with its layers. */
  readonly model: SerializedLayer;
  /** The input shape (batch axis null) the model was built for, or null if unbuilt. */
  readonly inputShape: SymbolicShape | null;
  /** The plugins installed when it was saved, with versions. */
  readonly plugins: readonly {
    /** The plugin's name. */
    name: string;
    /** Its version. */
    version: string;
  }[];
}

/**
 * A model's config as JSON-ready data: each layer by registered class name and options.
 * Every class must be registered (kind `layer`) so the config can be loaded again; a model
 * whose computation is code (`createModel`) saves weights only.
 *
 * @example
 * const json = JSON.stringify(modelToJSON(model));
 */
export function modelToJSON(model: Layer): ModelJSON {
  checkLayer('modelToJSON', model);
  checkRegistered(model);
  return {
    format: 'descent-model',
    formatVersion: 1,
    model: serializeLayer(model),
    inputShape: model.builtInputShape ? [...model.builtInputShape] : null,
    plugins: model.runtime?.plugins() ?? [],
  };
}

function checkRegistered(layer: Layer): void {
  const rt = layer.runtime;
  if (layer.className === 'ComposedModel')
    throw new SerializationError(
      `"${layer.name}" was made by createModel: its forward function is code, not config. Save its weights (saveWeights) and rebuild it in code.`,
    );
  if (rt && !rt.registry.find('layer', layer.className))
    throw new SerializationError(
      `layer class "${layer.className}" (of "${layer.name}") is not registered in this runtime: register it under kind 'layer' (a plugin) so the saved config can be loaded`,
    );
  if (layer instanceof Model) for (const l of layer.layers) checkRegistered(l);
}

// Keys that reach a prototype when a config is copied with assignment or merged into options.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Refuses prototype-reaching keys anywhere in a parsed config (they are never options). */
function checkKeys(v: unknown, path: string): void {
  if (typeof v !== 'object' || v === null) return;
  for (const [k, x] of Object.entries(v)) {
    if (FORBIDDEN_KEYS.has(k))
      throw new SerializationError(`model config: key ${JSON.stringify(k)} at ${path} is not allowed`);
    checkKeys(x, `${path}/${k}`);
  }
}

/**
 * Rebuilds a model from its config through the registry, built for its saved input shape with
 * fresh weights drawn from the runtime RNG (or zeros with `initialize: false`, when weights
 * will be loaded).
 *
 * @example
 * const model = modelFromJSON(rt, JSON.parse(text));
 */
export function modelFromJSON(rt: Runtime, json: unknown, options: { initialize?: boolean } = {}): Layer {
  checkRuntime('modelFromJSON', 'the first argument', rt);
  checkOptions('modelFromJSON', options);
  if (typeof json !== 'object' || json === null)
    throw new SerializationError('a model config must be an object');
  checkKeys(json, 'config');
  const { format, formatVersion, model, inputShape } = json as Record<string, unknown>;
  if (format !== 'descent-model')
    throw new SerializationError(`not a descent model config (format ${JSON.stringify(format)})`);
  if (formatVersion !== 1)
    throw new SerializationError(
      `unsupported model config version ${JSON.stringify(formatVersion)} (this reads 1)`,
    );
  if (inputShape !== null && inputShape !== undefined && !isSymbolicShape(inputShape))
    throw new SerializationError(`inputShape must be sizes or null, got ${JSON.stringify(inputShape)}`);
  let layer: Layer;
  try {
    layer = deserializeLayer(rt, model);
  } catch (e) {
    if (e instanceof InvalidArgumentError) throw new SerializationError(`invalid layer config: ${e.message}`);
    throw e;
  }
  if (inputShape) {
    const build = () => layer.init(rt, inputShape);
    if (options.initialize ?? true) build();
    else withoutInitializers(build);
  }
  return layer;
}
