import type { Runtime } from '@descent/core';
import { checkOptions, checkRuntime } from '@descent/core';
import { SerializationError } from '../errors';
import { writeFileAtomic } from '../internal/atomic-write';
import { checkLayer, checkPath } from '../internal/check-layer';
import type { Layer } from '../layer';
import { modelFromJSON, modelToJSON } from './model-json';
import { type LoadWeightsOptions, loadWeightsFromSafetensors, weightsToSafetensors } from './weights';

/** File names inside a saved model's directory. */
export const MODEL_FILES = {
  /** The model config (`ModelJSON`). */
  config: 'model.json',
  /** The weights, in safetensors. */
  weights: 'model.safetensors',
} as const;

/**
 * Saves a model to a directory (Node): `model.json` (config) and `model.safetensors` (every
 * weight). Each file is written to a temporary file and renamed, so a crash never leaves a
 * half-written one in place of the previous save.
 *
 * @example
 * await saveModel(model, 'checkpoints/mnist');
 * const again = await loadModel(rt, 'checkpoints/mnist');
 */
export async function saveModel(model: Layer, dir: string): Promise<void> {
  checkLayer('saveModel', model);
  checkPath('saveModel', dir, 'a directory path');
  const json = `${JSON.stringify(modelToJSON(model), null, 2)}\n`;
  const weights = await weightsToSafetensors(model);
  const fs = await import('node:fs/promises');
  const { join } = await import('node:path');
  await fs.mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, MODEL_FILES.weights), weights);
  await writeFileAtomic(join(dir, MODEL_FILES.config), json);
}

/**
 * Loads a model saved by `saveModel`: rebuilds it from the config through the runtime's
 * registry (so custom layers need their plugin installed), then loads and checks the weights.
 *
 * @example
 * const model = await loadModel(rt, 'checkpoints/mnist');
 */
export async function loadModel(rt: Runtime, dir: string, options: LoadWeightsOptions = {}): Promise<Layer> {
  checkRuntime('loadModel', 'the first argument', rt);
  checkPath('loadModel', dir, 'a directory path');
  checkOptions('loadModel', options);
  const fs = await import('node:fs/promises');
  const { join } = await import('node:path');
  const configPath = join(dir, MODEL_FILES.config);
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(configPath, 'utf8'));
  } catch (e) {
    throw new SerializationError(`cannot read the model config ${configPath}: ${(e as Error).message}`);
  }
  const model = modelFromJSON(rt, json, { initialize: false });
  if (!model.built)
    throw new SerializationError(`${configPath} has no inputShape: the model was saved unbuilt`);
  await loadWeights(model, join(dir, MODEL_FILES.weights), options);
  return model;
}

/**
 * Saves a built model's weights as one safetensors file (Node), atomically.
 *
 * @example
 * await saveWeights(model, 'run/epoch-3.safetensors');
 */
export async function saveWeights(model: Layer, path: string): Promise<void> {
  checkLayer('saveWeights', model);
  checkPath('saveWeights', path, 'a file path');
  await writeFileAtomic(path, await weightsToSafetensors(model));
}

/**
 * Loads a safetensors weights file into a built model (Node). Names, dtypes and shapes are
 * checked before anything is assigned.
 *
 * @example
 * await loadWeights(model, 'run/epoch-3.safetensors');
 */
export async function loadWeights(
  model: Layer,
  path: string,
  options: LoadWeightsOptions = {},
): Promise<void> {
  checkLayer('loadWeights', model);
  checkPath('loadWeights', path, 'a file path');
  checkOptions('loadWeights', options);
  const fs = await import('node:fs/promises');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(path));
  } catch (e) {
    throw new SerializationError(`cannot read weights file ${path}: ${(e as Error).message}`);
  }
  try {
    loadWeightsFromSafetensors(model, bytes, options);
  } catch (e) {
    if (e instanceof SerializationError) throw new SerializationError(`${path}: ${e.message}`, e.path);
    throw e;
  }
}
