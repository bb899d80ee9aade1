import { augment } from '@descent/augment';
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, type Runtime } from '@descent/core';
import { buildAugmentation } from '../build';
import type { AugmentName } from '../config';
import type { Split } from '../data/datasets';

const SIDE = 4;
const PIXELS = 28;

/**
 * A grid of training digits through the current augmentation pipeline. It runs on a small
 * CPU runtime of its own, so previews never draw from the training run's random stream.
 */
export class AugmentPreview {
  private readonly rt: Runtime = createRuntime({ plugins: [cpuBackend(), augment()] });
  private readonly ctx: CanvasRenderingContext2D;
  private draws = 0;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.ctx = canvas.getContext('2d')!;
  }

  /** Draws the first 16 digits of `split`, freshly augmented with `names`. */
  render(split: Split | undefined, names: readonly AugmentName[], seed: number): void {
    const { ctx, canvas, rt } = this;
    ctx.fillStyle = '#212529';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    if (!split) {
      ctx.fillStyle = '#adb5bd';
      ctx.font = '13px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText('augmentation applies to images:', canvas.width / 2, canvas.height / 2 - 8);
      ctx.fillText('choose MNIST to preview it', canvas.width / 2, canvas.height / 2 + 12);
      return;
    }
    const n = SIDE * SIDE;
    rt.seed(seed * 7919 + this.draws++);
    const values = rt.tidy(() => {
      const images = rt.tensor(split.x.subarray(0, n * PIXELS * PIXELS), [n, PIXELS, PIXELS, 1]);
      const pipeline = buildAugmentation(names);
      return pipeline ? pipeline.apply(images) : images;
    });
    const pixels = values.dataSync();
    values.dispose();
    const tile = document.createElement('canvas');
    tile.width = PIXELS;
    tile.height = PIXELS;
    const tctx = tile.getContext('2d')!;
    const cell = canvas.width / SIDE;
    for (let i = 0; i < n; i++) {
      const img = tctx.createImageData(PIXELS, PIXELS);
      for (let p = 0; p < PIXELS * PIXELS; p++) {
        const v = Math.round(255 * Math.min(1, Math.max(0, pixels[i * PIXELS * PIXELS + p]!)));
        img.data.set([v, v, v, 255], 4 * p);
      }
      tctx.putImageData(img, 0, 0);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(tile, (i % SIDE) * cell + 1, Math.floor(i / SIDE) * cell + 1, cell - 2, cell - 2);
    }
  }
}
