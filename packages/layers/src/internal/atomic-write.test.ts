import * as realFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Dense } from '../layers/dense';
import { sequential } from '../models/sequential';
import { loadModel, saveModel, saveWeights } from '../serialization/files';
import { runtime } from '../test-utils/fixtures';
import { writeFileAtomic } from './atomic-write';

/** How the mocked file system fails: a write that stops after half its bytes (full disk), or a failing rename. */
const fault = vi.hoisted(() => ({ write: false, rename: false, sync: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof fs.open = async (...args: Parameters<typeof fs.open>) => {
    const handle = await fs.open(...args);
    return new Proxy(handle, {
      get(target, prop, receiver) {
        if (prop === 'writeFile' && fault.write) {
          return async (data: Uint8Array | string) => {
            const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
            await target.writeFile(bytes.subarray(0, bytes.length >> 1));
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          };
        }
        if (prop === 'sync' && fault.sync)
          return async () => Promise.reject(new Error('EIO: i/o error, fsync'));
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  };
  const rename: typeof fs.rename = async (a, b) => {
    if (fault.rename) throw Object.assign(new Error('EXDEV: rename failed'), { code: 'EXDEV' });
    return fs.rename(a, b);
  };
  return { ...fs, default: { ...fs, open, rename }, open, rename };
});

const rt = runtime(5);
let dir: string;
beforeAll(async () => {
  dir = await realFs.mkdtemp(join(tmpdir(), 'descent-atomic-'));
});
afterAll(async () => {
  await realFs.rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  fault.write = false;
  fault.rename = false;
  fault.sync = false;
});

const model = () => sequential([new Dense({ units: 3, inputShape: [4] }), new Dense({ units: 2 })]).init(rt);
const values = (m: ReturnType<typeof model>) =>
  m.variables().map(({ variable }) => Array.from(variable.value.dataSync()));

describe('a save that fails midway leaves the previous save loadable', () => {
  for (const kind of ['write', 'sync', 'rename'] as const) {
    it(`${kind} fails`, async () => {
      const at = join(dir, `model-${kind}`);
      const first = model();
      await saveModel(first, at);
      const filesBefore = (await realFs.readdir(at)).sort();
      const bytesBefore = await realFs.readFile(join(at, 'model.safetensors'));

      const second = model(); // other weights (fresh draws)
      expect(values(second)).not.toEqual(values(first));
      fault[kind] = true;
      await expect(saveModel(second, at)).rejects.toThrow(/ENOSPC|EIO|EXDEV/);
      fault[kind] = false;

      // Same files (no temporary left behind), same bytes, and the first model loads intact.
      expect((await realFs.readdir(at)).sort()).toEqual(filesBefore);
      expect(Buffer.compare(await realFs.readFile(join(at, 'model.safetensors')), bytesBefore)).toBe(0);
      const loaded = await loadModel(rt, at);
      expect(values(loaded as typeof first)).toEqual(values(first));
      loaded.dispose();
      rt.dispose([first, second].flatMap((m) => m.variables().map((v) => v.variable.value)));
    });
  }

  it('a process killed mid-write (temporary file left, never renamed) does not disturb the saved model', async () => {
    const at = join(dir, 'killed');
    const m = model();
    await saveModel(m, at);
    // What a SIGKILL between write and rename leaves: a partial temporary beside the good file.
    await realFs.writeFile(join(at, '.model.safetensors.123-abc.tmp'), new Uint8Array(7));
    const loaded = await loadModel(rt, at);
    expect(values(loaded as typeof m)).toEqual(values(m));
    loaded.dispose();
    m.dispose();
  });

  it('saveWeights and writeFileAtomic behave the same on a full disk', async () => {
    const path = join(dir, 'w.safetensors');
    const m = model();
    await saveWeights(m, path);
    const before = await realFs.readFile(path);
    fault.write = true;
    await expect(saveWeights(model(), path)).rejects.toThrow(/ENOSPC/);
    await expect(writeFileAtomic(path, 'garbage')).rejects.toThrow(/ENOSPC/);
    fault.write = false;
    expect(Buffer.compare(await realFs.readFile(path), before)).toBe(0);
    expect((await realFs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    m.dispose();
  });
});
