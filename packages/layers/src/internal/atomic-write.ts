import { describeValue, InvalidArgumentError } from '@descent/core';

/**
 * Writes a file so that readers see the old or the new contents, never a partial file: the
 * data goes to a temporary file in the same directory, is flushed, then renamed over `path`.
 * Node only (loaded lazily, so browser bundles never import `node:fs`).
 *
 * @example
 * await writeFileAtomic('runs/state.json', JSON.stringify(state));
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  if (typeof path !== 'string' || path === '')
    throw new InvalidArgumentError('writeFileAtomic', `expected a file path, got ${describeValue(path)}`);
  if (typeof data !== 'string' && !(data instanceof Uint8Array))
    throw new InvalidArgumentError(
      'writeFileAtomic',
      `expected data to be a Uint8Array or a string, got ${describeValue(data)}`,
    );
  const fs = await import('node:fs/promises');
  const { basename, dirname, join } = await import('node:path');
  const tmp = join(
    dirname(path),
    `.${basename(path)}.${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`,
  );
  const handle = await fs.open(tmp, 'wx');
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
