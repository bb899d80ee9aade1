import type { Split } from '../data/datasets';

/** The square the 2-D sets live in (with a margin). */
export const EXTENT = 1.2;
/** Cells per side of the heatmap grid. */
export const GRID = 64;

const CLASS_RGB: [number, number, number][] = [
  [28, 126, 214], // class 0: blue
  [232, 89, 12], // class 1: orange
];

/** The grid's cell centres, row-major from the top-left, as `[GRID², 2]` model inputs. */
export function gridPoints(): Float32Array {
  const out = new Float32Array(GRID * GRID * 2);
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      const i = r * GRID + c;
      out[2 * i] = -EXTENT + ((c + 0.5) / GRID) * 2 * EXTENT;
      out[2 * i + 1] = EXTENT - ((r + 0.5) / GRID) * 2 * EXTENT;
    }
  }
  return out;
}

/** The decision-boundary heatmap of a 2-D set: class probabilities over the plane, and the points. */
export class BoundaryView {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly cells = document.createElement('canvas');

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.ctx = canvas.getContext('2d')!;
    this.cells.width = GRID;
    this.cells.height = GRID;
  }

  /** `probs`: `[GRID², classes]` softmax outputs over `gridPoints()`; `points`: the training set. */
  render(probs: Float32Array | undefined, points: Split): void {
    const { canvas, ctx } = this;
    const size = canvas.width;
    ctx.fillStyle = '#f8f9fa';
    ctx.fillRect(0, 0, size, size);
    if (probs) {
      const cellCtx = this.cells.getContext('2d')!;
      const img = cellCtx.createImageData(GRID, GRID);
      const classes = probs.length / (GRID * GRID);
      for (let i = 0; i < GRID * GRID; i++) {
        let best = 0;
        for (let k = 1; k < classes; k++) if (probs[i * classes + k]! > probs[i * classes + best]!) best = k;
        const confidence = (probs[i * classes + best]! - 1 / classes) / (1 - 1 / classes);
        const [r, g, b] = CLASS_RGB[best % CLASS_RGB.length]!;
        const a = 0.12 + 0.5 * confidence;
        img.data[4 * i] = Math.round(255 * (1 - a) + r * a);
        img.data[4 * i + 1] = Math.round(255 * (1 - a) + g * a);
        img.data[4 * i + 2] = Math.round(255 * (1 - a) + b * a);
        img.data[4 * i + 3] = 255;
      }
      cellCtx.putImageData(img, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(this.cells, 0, 0, size, size);
    }
    const toPx = (v: number) => ((v + EXTENT) / (2 * EXTENT)) * size;
    for (let i = 0; i < points.count; i++) {
      const [r, g, b] = CLASS_RGB[points.labels[i]! % CLASS_RGB.length]!;
      ctx.beginPath();
      ctx.arc(toPx(points.x[2 * i]!), size - toPx(points.x[2 * i + 1]!), 3, 0, 2 * Math.PI);
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = 'white';
      ctx.stroke();
    }
  }
}
