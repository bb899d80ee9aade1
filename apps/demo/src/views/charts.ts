import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { History } from '../history';

const TRAIN = '#e8590c';
const CHART_INTERVAL_MS = 250;
const VALIDATION = '#1c7ed6';

/** Draws each event as a dashed vertical line with its label. */
function markEvents(
  events: () => readonly { step: number; label: string }[],
  labelAt: 'top' | 'bottom',
): (u: uPlot) => void {
  return (u) => {
    const { ctx, bbox } = u;
    ctx.save();
    ctx.strokeStyle = '#868e96';
    ctx.fillStyle = '#495057';
    ctx.lineWidth = devicePixelRatio;
    ctx.setLineDash([4 * devicePixelRatio, 4 * devicePixelRatio]);
    ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
    ctx.textAlign = 'left';
    ctx.textBaseline = labelAt;
    for (const e of events()) {
      const x = Math.round(u.valToPos(e.step, 'x', true));
      if (x < bbox.left || x > bbox.left + bbox.width) continue;
      ctx.beginPath();
      ctx.moveTo(x, bbox.top);
      ctx.lineTo(x, bbox.top + bbox.height);
      ctx.stroke();
      const y =
        labelAt === 'top' ? bbox.top + 4 * devicePixelRatio : bbox.top + bbox.height - 4 * devicePixelRatio;
      ctx.fillText(e.label, x + 4 * devicePixelRatio, y);
    }
    ctx.restore();
  };
}

function makeChart(
  el: HTMLElement,
  title: string,
  yLabel: string,
  events: () => readonly { step: number; label: string }[],
  range?: [number, number],
): uPlot {
  const opts: uPlot.Options = {
    title,
    width: Math.max(280, el.clientWidth - 12),
    height: 220,
    scales: { x: { time: false }, y: range ? { range } : { auto: true } },
    axes: [{ label: 'step' }, { label: yLabel, size: 56 }],
    series: [
      { label: 'step' },
      { label: 'training (smoothed)', stroke: TRAIN, width: 1.5, spanGaps: true, points: { show: false } },
      { label: 'validation', stroke: VALIDATION, width: 2, spanGaps: true, points: { show: true, size: 5 } },
    ],
    legend: { live: false },
    // Loss falls and accuracy rises: each chart's labels go where its curves are not.
    hooks: { draw: [markEvents(events, range ? 'bottom' : 'top')] },
  };
  return new uPlot(opts, [[], [], []], el);
}

/** The two live charts (uPlot): loss and accuracy, training and validation. */
export class Charts {
  private readonly loss: uPlot;
  private readonly accuracy: uPlot;
  private drawn = -1;
  private drawnAt = Number.NEGATIVE_INFINITY;
  private events: readonly { step: number; label: string }[] = [];

  constructor(
    private readonly lossEl: HTMLElement,
    private readonly accuracyEl: HTMLElement,
  ) {
    const events = () => this.events;
    this.loss = makeChart(lossEl, 'Loss', 'cross-entropy', events);
    this.accuracy = makeChart(accuracyEl, 'Accuracy', 'accuracy', events, [0, 1]);
    new ResizeObserver(() => {
      this.loss.setSize({ width: Math.max(280, lossEl.clientWidth - 12), height: 220 });
      this.accuracy.setSize({ width: Math.max(280, accuracyEl.clientWidth - 12), height: 220 });
    }).observe(lossEl.parentElement ?? lossEl);
  }

  /**
   * Redraws if the history changed, at most every `CHART_INTERVAL_MS` (plenty for the eye; a
   * redraw per frame costs more than a training step on a software-rendered page).
   */
  update(history: History, force = false): void {
    if (history.version === this.drawn) return;
    const now = performance.now();
    if (!force && now - this.drawnAt < CHART_INTERVAL_MS) return;
    this.drawnAt = now;
    this.drawn = history.version;
    this.events = history.events;
    this.loss.setData([history.steps, history.trainLoss, history.validationLoss] as uPlot.AlignedData);
    this.accuracy.setData([
      history.steps,
      history.trainAccuracy,
      history.validationAccuracy,
    ] as uPlot.AlignedData);
    // For tests and curious users: how many rows each chart holds.
    this.lossEl.dataset.points = String(history.length);
    this.accuracyEl.dataset.points = String(history.length);
  }
}
