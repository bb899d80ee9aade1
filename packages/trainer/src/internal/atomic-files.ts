// Node only: `node:fs` is imported lazily so browser bundles that never checkpoint never load it.
// Single files are written by layers' writeFileAtomic; this adds whole folders, all or nothing.
export { writeFileAtomic } from '@descent/layers';

async function fsModules() {
  const fs = await import('node:fs/promises');
  const path = await import('node:path');
  return { fs, path };
}

function tempName(base: string): string {
  return `.${base}.${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.tmp`;
}

async function writeSynced(
  fs: typeof import('node:fs/promises'),
  file: string,
  data: Uint8Array | string,
): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a folder of files under `parent/name`, all or nothing: the files go into a temporary
 * folder, are flushed, and the folder is renamed into place (`name` must not exist yet).
 */
export async function writeDirAtomic(
  parent: string,
  name: string,
  files: { readonly [file: string]: Uint8Array | string },
): Promise<string> {
  const { fs, path } = await fsModules();
  await fs.mkdir(parent, { recursive: true });
  const tmp = path.join(parent, tempName(name));
  const target = path.join(parent, name);
  try {
    await fs.mkdir(tmp);
    for (const [file, data] of Object.entries(files)) await writeSynced(fs, path.join(tmp, file), data);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return target;
}
