import { checkOptions, fmtShape, shapesEqual } from '@descent/core';
import { SerializationError } from '../errors';
import { checkLayer } from '../internal/check-layer';
import type { Layer } from '../layer';
import { decodeSafetensors, encodeSafetensors, type SafetensorsFile } from './safetensors';

/**
 * Every weight of a built model (trainable or not) as safetensors bytes, named by path
 * (`dense_1/kernel`).
 *
 * @example
 * const bytes = await weightsToSafetensors(model);
 */
export async function weightsToSafetensors(
  model: Layer,
  metadata: Record<string, string> = {},
): Promise<Uint8Array> {
  checkLayer('weightsToSafetensors', model);
  if (!model.built)
    throw new SerializationError(`"${model.name}" is not built: it has no weights to save yet`);
  return encodeSafetensors(
    model.variables().map(({ path, variable }) => [path, variable.value] as const),
    { format: 'descent', ...metadata },
  );
}

/** Options of the weight loaders. */
export interface LoadWeightsOptions {
  /** Refuse tensors in the file that the model does not have (default true). */
  strict?: boolean;
}

/**
 * Loads safetensors weights into a built model. Every tensor is checked first — present,
 * same dtype, same shape; with `strict`, nothing extra — and only then assigned, so a bad file
 * changes nothing. Errors name the parameter path and both shapes.
 *
 * @example
 * loadWeightsFromSafetensors(model, bytes);
 */
export function loadWeightsFromSafetensors(
  model: Layer,
  file: Uint8Array | SafetensorsFile,
  options: LoadWeightsOptions = {},
): void {
  checkLayer('loadWeightsFromSafetensors', model);
  checkOptions('loadWeightsFromSafetensors', options);
  if (!model.built)
    throw new SerializationError(
      `"${model.name}" is not built: call init(rt, inputShape) (or loadModel) before loading weights`,
    );
  const { tensors } = file instanceof Uint8Array ? decodeSafetensors(file) : file;
  const entries = model.variables();
  const problems: { path: string; message: string }[] = [];
  for (const { path, variable } of entries) {
    const t = tensors.get(path);
    if (!t)
      problems.push({
        path,
        message: `"${path}": missing from the file (the model expects ${variable.dtype} ${fmtShape(variable.shape)})`,
      });
    else if (t.dtype !== variable.dtype)
      problems.push({
        path,
        message: `"${path}": the file has dtype ${t.dtype}, the model expects ${variable.dtype}`,
      });
    else if (!shapesEqual(t.shape, variable.shape))
      problems.push({
        path,
        message: `"${path}": the file has shape ${fmtShape(t.shape)}, the model expects ${fmtShape(variable.shape)}`,
      });
  }
  if (options.strict ?? true) {
    const known = new Set(entries.map((e) => e.path));
    for (const name of tensors.keys())
      if (!known.has(name))
        problems.push({ path: name, message: `"${name}": in the file but not a weight of the model` });
  }
  if (problems.length) {
    throw new SerializationError(
      `weights do not fit "${model.name}": ${problems.map((p) => p.message).join('; ')}`,
      problems[0]!.path,
    );
  }
  const rt = model.runtime!;
  for (const { path, variable } of entries) {
    const t = tensors.get(path)!;
    const value = rt.tensor(t.data, t.shape, t.dtype);
    variable.assign(value, path);
    value.dispose();
  }
}
