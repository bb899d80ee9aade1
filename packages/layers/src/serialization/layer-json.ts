import { checkRuntime, type Runtime, UnknownPluginError } from '@descent/core';
import { SerializationError } from '../errors';
import { checkLayer } from '../internal/check-layer';
import type { Layer, LayerConfig } from '../layer';

/** A layer in a model config: its registered class name, the plugin that registered it, and its options. */
export type SerializedLayer = {
  /** The name the layer class is registered under (`'Dense'`). */
  readonly className: string;
  /** The plugin that had registered the class when the model was saved, quoted if it is missing on load. */
  readonly plugin?: string;
  /** The layer's options (`layer.getConfig()`). */
  readonly config: LayerConfig;
};

/**
 * The JSON form of a layer (a model includes its layers).
 *
 * @example
 * JSON.stringify(serializeLayer(new Dense({ units: 4, activation: 'relu' })));
 */
export function serializeLayer(layer: Layer): SerializedLayer {
  checkLayer('serializeLayer', layer, 'layer');
  const plugin = layer.runtime?.registry.find('layer', layer.className)?.plugin;
  return { className: layer.className, ...(plugin ? { plugin } : {}), config: layer.getConfig() };
}

/**
 * Rebuilds a layer from its JSON form through the registry (kind `layer`): the built-ins come
 * with the `layers()` plugin, custom layers with their own plugin. A missing class names the
 * plugin it came from.
 *
 * @example
 * const layer = deserializeLayer(rt, serializeLayer(new Dense({ units: 4 }))); // a copy, unbuilt
 */
export function deserializeLayer(rt: Runtime, json: unknown): Layer {
  checkRuntime('deserializeLayer', 'the first argument', rt);
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new SerializationError(
      `a layer config must be an object {className, config}, got ${JSON.stringify(json)}`,
    );
  const { className, plugin, config } = json as Record<string, unknown>;
  if (typeof className !== 'string')
    throw new SerializationError(`a layer config needs a string className, got ${JSON.stringify(className)}`);
  if (typeof config !== 'object' || config === null || Array.isArray(config))
    throw new SerializationError(
      `layer "${className}": config must be an object, got ${JSON.stringify(config)}`,
    );
  const entry = rt.registry.find('layer', className);
  if (!entry) {
    if (typeof plugin === 'string') {
      throw new UnknownPluginError(
        'layer',
        className,
        `It was registered by the plugin "${plugin}" when the model was saved: install that plugin and add it to the runtime's plugins.`,
      );
    }
    rt.registry.get('layer', className); // throws with the registry's hint
  }
  return entry!.value(config as LayerConfig, { runtime: rt });
}
