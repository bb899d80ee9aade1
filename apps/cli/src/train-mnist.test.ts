import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrainArgs } from './train-args';
import { trainMnist } from './train-mnist';

describe('descent train mnist', () => {
  it('trains the MLP on real MNIST (a slice) and reports test accuracy', async () => {
    const lines: string[] = [];
    const args = parseTrainArgs('mnist --train-limit 3000 --test-limit 1000 --epochs 2'.split(' '));
    const r = await trainMnist(args, (l) => lines.push(l));
    expect(r.testAccuracy).toBeGreaterThan(0.85);
    expect(lines[0]).toMatch(/^MNIST: 3000 training and 1000 test images .* MLP, 101,770 parameters/);
    expect(lines.at(-1)).toMatch(/^test accuracy: \d+\.\d\d% \(loss [\d.]+\) on 1000 images after 2 epochs/);
  }, 60_000);

  it('checkpoints and resumes the CNN with augmentation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'descent-cli-'));
    const argv = `mnist --model cnn --train-limit 256 --test-limit 128 --batch-size 32 --augment rotate=10,translate=0.1 --checkpoint ${dir} --resume --validation-split 0.25`;
    const first = await trainMnist(parseTrainArgs([...argv.split(' '), '--epochs', '1']), () => {});
    expect(first.epochs).toBe(1);
    const lines: string[] = [];
    const second = await trainMnist(parseTrainArgs([...argv.split(' '), '--epochs', '2']), (l) =>
      lines.push(l),
    );
    expect(lines.some((l) => l.startsWith(`resuming from ${dir} (epoch 2, step 6)`))).toBe(true);
    expect(second.epochs).toBe(2);
  }, 60_000);
});
