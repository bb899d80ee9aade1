const SIZE = 28;

/**
 * A canvas to draw a digit on. After each stroke it hands `onDigit` the drawing as MNIST sees
 * digits: the ink's bounding box scaled to fit 20×20, centred by its centre of mass in 28×28,
 * values in [0, 1] (white ink on black).
 */
export class DrawPad {
  private readonly ctx: CanvasRenderingContext2D;
  private drawing = false;
  private inked = false;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onDigit: (pixels: Float32Array) => void,
  ) {
    this.ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    this.clear();
    canvas.addEventListener('pointerdown', (e) => {
      canvas.setPointerCapture(e.pointerId);
      this.drawing = true;
      const [x, y] = this.at(e);
      this.ctx.beginPath();
      this.ctx.moveTo(x, y);
      this.ctx.lineTo(x + 0.01, y);
      this.ctx.stroke();
      this.inked = true;
    });
    canvas.addEventListener('pointermove', (e) => {
      if (!this.drawing) return;
      const [x, y] = this.at(e);
      this.ctx.lineTo(x, y);
      this.ctx.stroke();
    });
    const end = () => {
      if (!this.drawing) return;
      this.drawing = false;
      const pixels = this.pixels();
      if (pixels) this.onDigit(pixels);
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
  }

  get hasInk(): boolean {
    return this.inked;
  }

  clear(): void {
    const { ctx, canvas } = this;
    ctx.fillStyle = 'black';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.strokeStyle = 'white';
    ctx.lineWidth = canvas.width / 14;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    this.inked = false;
  }

  private at(e: PointerEvent): [number, number] {
    const r = this.canvas.getBoundingClientRect();
    return [
      ((e.clientX - r.left) / r.width) * this.canvas.width,
      ((e.clientY - r.top) / r.height) * this.canvas.height,
    ];
  }

  /** The drawing as a 28×28 MNIST-style digit, or undefined if the pad is blank. */
  pixels(): Float32Array | undefined {
    const { canvas, ctx } = this;
    const { width, height } = canvas;
    const src = ctx.getImageData(0, 0, width, height).data;
    let top = height;
    let left = width;
    let bottom = -1;
    let right = -1;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (src[4 * (y * width + x)]! > 24) {
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    if (bottom < 0) return undefined;
    const w = right - left + 1;
    const h = bottom - top + 1;
    const scale = 20 / Math.max(w, h);
    // Fit the ink into 20×20, then shift so its centre of mass is at the centre of 28×28.
    const small = document.createElement('canvas');
    small.width = SIZE;
    small.height = SIZE;
    const sctx = small.getContext('2d', { willReadFrequently: true })!;
    const draw = (dx: number, dy: number) => {
      sctx.fillStyle = 'black';
      sctx.fillRect(0, 0, SIZE, SIZE);
      sctx.imageSmoothingEnabled = true;
      sctx.imageSmoothingQuality = 'high';
      sctx.drawImage(canvas, left, top, w, h, dx, dy, w * scale, h * scale);
      return sctx.getImageData(0, 0, SIZE, SIZE).data;
    };
    const x0 = (SIZE - w * scale) / 2;
    const y0 = (SIZE - h * scale) / 2;
    let img = draw(x0, y0);
    let mass = 0;
    let mx = 0;
    let my = 0;
    for (let i = 0; i < SIZE * SIZE; i++) {
      const v = img[4 * i]!;
      mass += v;
      mx += v * (i % SIZE);
      my += v * Math.floor(i / SIZE);
    }
    if (mass > 0) img = draw(x0 + (SIZE - 1) / 2 - mx / mass, y0 + (SIZE - 1) / 2 - my / mass);
    const out = new Float32Array(SIZE * SIZE);
    for (let i = 0; i < out.length; i++) out[i] = img[4 * i]! / 255;
    return out;
  }
}

/** Ten bars of class probabilities, the most likely one highlighted. */
export function renderPrediction(el: HTMLElement, probs: Float32Array | undefined): void {
  el.replaceChildren();
  if (!probs) return;
  let best = 0;
  for (let k = 1; k < probs.length; k++) if (probs[k]! > probs[best]!) best = k;
  for (let k = 0; k < probs.length; k++) {
    const row = document.createElement('div');
    row.className = k === best ? 'bar best' : 'bar';
    const label = document.createElement('span');
    label.textContent = String(k);
    const fill = document.createElement('span');
    fill.className = 'fill';
    fill.style.width = `${(probs[k]! * 100).toFixed(1)}%`;
    const pct = document.createElement('span');
    pct.className = 'pct';
    pct.textContent = `${(probs[k]! * 100).toFixed(0)}%`;
    row.append(label, fill, pct);
    el.append(row);
  }
}
