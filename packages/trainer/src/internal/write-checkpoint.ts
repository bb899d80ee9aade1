import type { Tensor } from '@descent/core';
import {
  encodeSafetensors,
  type Layer,
  modelToJSON,
  SerializationError,
  weightsToSafetensors,
} from '@descent/layers';
import { type OptimizerRef, type OptState, serializeState } from '@descent/optimizers';
import { CheckpointError } from '../errors';
import { writeDirAtomic, writeFileAtomic } from './atomic-files';
import {
  CHECKPOINT_FILES,
  type CheckpointEntry,
  type CheckpointIndex,
  type TrainerStateJson,
} from './checkpoint-format';
import { readIndex } from './read-checkpoint';

export interface CheckpointContent {
  readonly model: Layer;
  readonly optimizerState: OptState;
  readonly optimizerRef: OptimizerRef | undefined;
  readonly trainer: TrainerStateJson;
  readonly callbackTensors: ReadonlyArray<readonly [string, Tensor]>;
}

/**
 * Writes a checkpoint folder atomically (all files flushed in a temporary folder, then renamed),
 * then the index atomically, then removes folders the index no longer names. A crash at any
 * moment leaves the previous index naming complete folders.
 */
export async function writeCheckpoint(
  dir: string,
  content: CheckpointContent,
  options: { last?: boolean; best?: { monitor: string; value: number } },
): Promise<string> {
  const { join } = await import('node:path');
  const fs = await import('node:fs/promises');
  const files: Record<string, Uint8Array | string> = {};
  try {
    files[CHECKPOINT_FILES.config] = `${JSON.stringify(modelToJSON(content.model), null, 2)}\n`;
  } catch (e) {
    // A model whose forward is code (createModel) saves weights only: it is rebuilt in code.
    if (!(e instanceof SerializationError)) throw e;
  }
  files[CHECKPOINT_FILES.weights] = await weightsToSafetensors(content.model);
  const { json, payload } = await serializeState(
    content.optimizerState,
    content.optimizerRef ? { optimizer: content.optimizerRef } : {},
  );
  files[CHECKPOINT_FILES.optimizer] = `${JSON.stringify(json)}\n`;
  files[CHECKPOINT_FILES.optimizerPayload] = payload;
  if (content.callbackTensors.length)
    files[CHECKPOINT_FILES.callbackTensors] = await encodeSafetensors(content.callbackTensors);
  files[CHECKPOINT_FILES.trainer] = `${JSON.stringify(content.trainer, null, 2)}\n`;

  const t = content.trainer;
  const name = `ckpt-e${t.epoch}-s${t.step}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  try {
    await writeDirAtomic(dir, name, files);
    const previous = await readIndex(dir);
    const entry: CheckpointEntry = { dir: name, epoch: t.epoch, step: t.step };
    const index: CheckpointIndex = {
      format: 'descent-checkpoints',
      version: 1,
      last: options.last === false ? (previous?.last ?? null) : entry,
      best: options.best ? { ...entry, ...options.best } : (previous?.best ?? null),
    };
    await writeFileAtomic(join(dir, CHECKPOINT_FILES.index), `${JSON.stringify(index, null, 2)}\n`);
    const keep = new Set([index.last?.dir, index.best?.dir]);
    for (const d of await fs.readdir(dir))
      if (d.startsWith('ckpt-') && !keep.has(d)) await fs.rm(join(dir, d), { recursive: true, force: true });
  } catch (e) {
    if (e instanceof CheckpointError) throw e;
    throw new CheckpointError(dir, `cannot write the checkpoint: ${(e as Error).message}`);
  }
  return join(dir, name);
}
