import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { rows, writeGrid } from './grid';

const dir = mkdtempSync(join(tmpdir(), 'augment-grid-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('augment-grid example', () => {
  it('writes a PNG with one row per transform that decodes to the expected size', () => {
    const result = writeGrid(dir, { columns: 6, scale: 1 });
    const png = PNG.sync.read(readFileSync(result.path));
    const cell = 28 + 4;
    expect(png.width).toBe(6 * cell + 4);
    expect(png.height).toBe(rows.length * cell + 4);
    expect([png.width, png.height]).toEqual([result.width, result.height]);

    // Each transformed row differs from the original row of digits (normalize is shown rescaled
    // to its own range, which brings it back to the original picture).
    const rowPixels = (row: number) => {
      const out: number[] = [];
      for (let y = 4 + row * cell; y < 4 + row * cell + 28; y++)
        for (let x = 0; x < png.width; x++) out.push(png.data[4 * (y * png.width + x)]!);
      return out;
    };
    const original = rowPixels(0);
    expect(original.some((v) => v > 200)).toBe(true);
    for (let r = 1; r < rows.length; r++) {
      if (rows[r]![0].startsWith('normalize')) continue;
      expect(rowPixels(r), rows[r]![0]).not.toEqual(original);
    }
  });
});
