import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built command (turbo builds this package before its tests: see turbo.json).
const CLI = fileURLToPath(new URL('../dist/descent.js', import.meta.url));
const ARGS =
  'train mnist --train-limit 1200 --test-limit 300 --epochs 3 --batch-size 50 --seed 3 --read-loss-every 1';

function run(args: string, onLine?: (line: string, child: ChildProcess) => void) {
  const child = spawn(process.execPath, [CLI, ...args.split(' ')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => {
    for (const line of b.toString().split('\n')) {
      out += `${line}\n`;
      onLine?.(line, child);
    }
  });
  child.stderr.on('data', (b: Buffer) => {
    out += b.toString();
  });
  return new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, out })),
  );
}

function lastWeights(dir: string): Buffer {
  const index = JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8')) as { last: { dir: string } };
  return readFileSync(join(dir, index.last.dir, 'model.safetensors'));
}

describe('a run killed with SIGINT resumes from its last checkpoint', () => {
  it('and ends with weights bit-identical to an uninterrupted run', async () => {
    const whole = mkdtempSync(join(tmpdir(), 'descent-whole-'));
    const broken = mkdtempSync(join(tmpdir(), 'descent-sigint-'));
    const reference = await run(`${ARGS} --checkpoint ${whole}`);
    expect(reference.code, reference.out).toBe(0);

    let signalled = false;
    const interrupted = await run(`${ARGS} --checkpoint ${broken}`, (line, child) => {
      // Once the first epoch's checkpoint exists, interrupt in the middle of the second.
      if (!signalled && /epoch 2\/3/.test(line)) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    expect(signalled, interrupted.out).toBe(true);
    expect(interrupted.out).toMatch(/stopping after this step/);

    const resumed = await run(`${ARGS} --checkpoint ${broken} --resume`);
    expect(resumed.code, resumed.out).toBe(0);
    expect(resumed.out).toMatch(/resuming from /);
    expect(resumed.out.match(/test accuracy: .*? on 300 images/)?.[0]).toBe(
      reference.out.match(/test accuracy: .*? on 300 images/)?.[0],
    );
    expect(lastWeights(broken).equals(lastWeights(whole))).toBe(true);
  }, 120_000);
});
