/** What the charts plot: one row per recorded step, validation columns filled at evaluations. */
export class History {
  readonly steps: number[] = [];
  readonly trainLoss: (number | null)[] = [];
  readonly trainAccuracy: (number | null)[] = [];
  readonly validationLoss: (number | null)[] = [];
  readonly validationAccuracy: (number | null)[] = [];
  /** Smoothed (exponential moving average, bias-corrected) training loss and accuracy. */
  private ema = { loss: 0, accuracy: 0, weight: 0 };
  private static readonly DECAY = 0.95;
  /** Moments worth marking on the charts (a backend switch), by step. */
  readonly events: { step: number; label: string }[] = [];
  /** Bumped on every change, so views redraw only when needed. */
  version = 0;

  get length(): number {
    return this.steps.length;
  }

  get smoothedLoss(): number | undefined {
    return this.ema.weight ? this.ema.loss / this.ema.weight : undefined;
  }

  get smoothedAccuracy(): number | undefined {
    return this.ema.weight ? this.ema.accuracy / this.ema.weight : undefined;
  }

  addStep(step: number, loss: number, accuracy: number): void {
    const d = History.DECAY;
    this.ema = {
      loss: d * this.ema.loss + (1 - d) * loss,
      accuracy: d * this.ema.accuracy + (1 - d) * accuracy,
      weight: d * this.ema.weight + (1 - d),
    };
    this.steps.push(step);
    this.trainLoss.push(this.smoothedLoss!);
    this.trainAccuracy.push(this.smoothedAccuracy!);
    this.validationLoss.push(null);
    this.validationAccuracy.push(null);
    this.version++;
  }

  addEvaluation(step: number, loss: number, accuracy: number): void {
    const last = this.steps.length - 1;
    if (this.steps[last] !== step) {
      this.steps.push(step);
      this.trainLoss.push(null);
      this.trainAccuracy.push(null);
      this.validationLoss.push(loss);
      this.validationAccuracy.push(accuracy);
    } else {
      this.validationLoss[last] = loss;
      this.validationAccuracy[last] = accuracy;
    }
    this.version++;
  }

  mark(step: number, label: string): void {
    this.events.push({ step, label });
    this.version++;
  }
}
