import { decodeSafetensors, type SafetensorsFile } from '@descent/layers';
import type { SerializedState, SerializedStateJson } from '@descent/optimizers';
import { CheckpointError } from '../errors';
import {
  CHECKPOINT_FILES,
  type CheckpointEntry,
  type CheckpointIndex,
  type TrainerStateJson,
} from './checkpoint-format';

/** The index of a checkpoint folder, or undefined when there is none. */
export async function readIndex(dir: string): Promise<CheckpointIndex | undefined> {
  const { join } = await import('node:path');
  const fs = await import('node:fs/promises');
  const file = join(dir, CHECKPOINT_FILES.index);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CheckpointError(file, `cannot read it: ${(e as Error).message}`);
  }
  let index: CheckpointIndex;
  try {
    index = JSON.parse(text);
  } catch (e) {
    throw new CheckpointError(file, `is not valid JSON (${(e as Error).message})`);
  }
  if (index?.format !== 'descent-checkpoints' || index.version !== 1)
    throw new CheckpointError(
      file,
      `is not a descent checkpoint index (format ${JSON.stringify(index?.format)})`,
    );
  return index;
}

/** Everything a resume needs from one checkpoint folder, read and checked. */
export interface CheckpointData {
  readonly path: string;
  readonly entry: CheckpointEntry;
  readonly trainer: TrainerStateJson;
  readonly optimizer: SerializedState;
  readonly callbackTensors: SafetensorsFile | undefined;
  readonly weightsFile: string;
  readonly configFile: string | undefined;
}

/** Reads the `last` (or `best`) checkpoint of a folder. */
export async function readCheckpoint(dir: string, which: 'last' | 'best' = 'last'): Promise<CheckpointData> {
  const { join } = await import('node:path');
  const fs = await import('node:fs/promises');
  const index = await readIndex(dir);
  if (!index) throw new CheckpointError(dir, `holds no checkpoint (${CHECKPOINT_FILES.index} is missing)`);
  const entry = index[which];
  if (!entry) throw new CheckpointError(join(dir, CHECKPOINT_FILES.index), `names no "${which}" checkpoint`);
  const path = join(dir, entry.dir);
  const read = async (name: string): Promise<Uint8Array> => {
    try {
      const b = await fs.readFile(join(path, name));
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    } catch (e) {
      throw new CheckpointError(join(path, name), `cannot read it: ${(e as Error).message}`);
    }
  };
  const json = <T>(name: string, bytes: Uint8Array): T => {
    try {
      return JSON.parse(new TextDecoder().decode(bytes)) as T;
    } catch (e) {
      throw new CheckpointError(join(path, name), `is not valid JSON (${(e as Error).message})`);
    }
  };
  const trainer = json<TrainerStateJson>(CHECKPOINT_FILES.trainer, await read(CHECKPOINT_FILES.trainer));
  if (
    trainer?.format !== 'descent-trainer-state' ||
    trainer.version !== 1 ||
    !Number.isInteger(trainer.epoch) ||
    !Number.isInteger(trainer.step) ||
    !Number.isInteger(trainer.batchInEpoch)
  )
    throw new CheckpointError(join(path, CHECKPOINT_FILES.trainer), 'is not a descent trainer state');
  const optimizer: SerializedState = {
    json: json<SerializedStateJson>(CHECKPOINT_FILES.optimizer, await read(CHECKPOINT_FILES.optimizer)),
    payload: await read(CHECKPOINT_FILES.optimizerPayload),
  };
  let callbackTensors: SafetensorsFile | undefined;
  const hasCallbackTensors = await fs.access(join(path, CHECKPOINT_FILES.callbackTensors)).then(
    () => true,
    () => false,
  );
  if (hasCallbackTensors) {
    try {
      callbackTensors = decodeSafetensors(await read(CHECKPOINT_FILES.callbackTensors));
    } catch (e) {
      throw new CheckpointError(join(path, CHECKPOINT_FILES.callbackTensors), (e as Error).message);
    }
  }
  const hasConfig = await fs.access(join(path, CHECKPOINT_FILES.config)).then(
    () => true,
    () => false,
  );
  return {
    path,
    entry,
    trainer,
    optimizer,
    callbackTensors,
    weightsFile: join(path, CHECKPOINT_FILES.weights),
    configFile: hasConfig ? join(path, CHECKPOINT_FILES.config) : undefined,
  };
}
