import './styles.css';
import type { Runtime } from '@descent/core';
import { OPTIMIZERS_PLUGIN } from '@descent/optimizers';
import {
  ACTIVATIONS,
  AUGMENTATIONS,
  type AugmentName,
  DEFAULT_CONFIG,
  defaultsFor,
  parseWidths,
  REGULARIZERS,
  type RegularizerName,
  SCHEDULES,
  type ScheduleName,
  type TrainConfig,
} from './config';
import type { DatasetName } from './data/datasets';
import { History } from './history';
import { Pacer } from './pacer';
import { type AppRuntime, BACKEND_NAME, type BackendChoice, createAppRuntime, modeOf } from './runtime';
import { type EvalResult, Session, type StepResult } from './session';
import { AugmentPreview } from './views/augment-preview';
import { BoundaryView, GRID, gridPoints } from './views/boundary';
import { Charts } from './views/charts';
import { renderConfusion } from './views/confusion';
import { DrawPad, renderPrediction } from './views/draw-pad';

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
};

/** A learning rate that suits each optimizer on the 2-D sets (MNIST takes a third of it). */
const SUGGESTED_LR: Record<string, number> = {
  sgd: 0.1,
  momentum: 0.05,
  nesterov: 0.05,
  adam: 0.01,
  adamw: 0.01,
  rmsprop: 0.005,
  adagrad: 0.05,
  adadelta: 1,
  adamax: 0.02,
  nadam: 0.01,
  lion: 0.001,
  adabelief: 0.01,
};

/** Steps a GPU backend takes between read-backs of the metrics. */
const GPU_READ_EVERY = 5;

/** What `window.demo.status()` reports: the page's state, for tests and the curious. */
export interface DemoStatus {
  /** Training, or finishing its last step after Pause. */
  running: boolean;
  step: number;
  epoch: number;
  dataset: DatasetName | undefined;
  /** The runtime's default backend (where new tensors go). */
  backend: string;
  /** The backend holding the model's weights. */
  weightsBackend: string | undefined;
  /** What that backend runs on: 'cpu', 'webgl2', 'webgpu'. */
  mode: string | undefined;
  /** The mode the page shows. */
  shownMode: string;
  trainLoss: number | undefined;
  validationLoss: number | undefined;
  validationAccuracy: number | undefined;
  points: number;
  /** Rows the loss chart has drawn. */
  chartPoints: number;
  prediction: number | undefined;
  memory: ReturnType<Runtime['memory']>;
}

class App {
  private session: Session | undefined;
  /** Whether training should run (Start/Pause). */
  private running = false;
  /** Whether the loop is still inside a step (it finishes the current one after Pause). */
  private looping = false;
  private loop: Promise<void> = Promise.resolve();
  private resets: Promise<void> = Promise.resolve();
  private starting = false;
  private history = new History();
  private lastStep: StepResult | undefined;
  private lastEval: EvalResult | undefined;
  private gridProbs: Float32Array | undefined;
  /**
   * Canvases are drawn in animation frames only: Chrome throttles a 2-D canvas drawn from other
   * tasks by waiting for the GPU to finish, which stalls the page.
   */
  private boundaryDirty = false;
  private prediction: number | undefined;
  private dirty = false;
  private speed = { since: performance.now(), steps: 0, value: 0 };
  private lastPreview = 0;
  private readonly charts = new Charts(byId('chart-loss'), byId('chart-accuracy'));
  private readonly boundary = new BoundaryView(byId<HTMLCanvasElement>('boundary'));
  private readonly preview = new AugmentPreview(byId<HTMLCanvasElement>('augment-preview'));
  private readonly pad = new DrawPad(
    byId<HTMLCanvasElement>('draw'),
    (pixels) => void this.predictDigit(pixels),
  );
  private lastPixels: Float32Array | undefined;
  private readonly grid = gridPoints();

  constructor(private readonly app: AppRuntime) {}

  get rt(): Runtime {
    return this.app.rt;
  }

  // ---- controls ------------------------------------------------------------------------

  setUp(): void {
    const { rt } = this;
    fill(
      byId('optimizer'),
      rt.registry.names('optimizer').map((name) => {
        const plugin = rt.registry.find('optimizer', name)?.plugin;
        return [name, plugin === OPTIMIZERS_PLUGIN ? name : `${name} (plugin ${plugin})`];
      }),
    );
    fill(byId('schedule'), Object.entries(SCHEDULES));
    fill(
      byId('regularizer'),
      Object.entries(REGULARIZERS).map(([k, v]) => [k, v.label]),
    );
    fill(
      byId('activation'),
      ACTIVATIONS.map((a) => [a, a]),
    );
    const augmentBox = byId('augment-options');
    for (const [name, label] of Object.entries(AUGMENTATIONS)) {
      const l = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = name;
      box.name = 'augment';
      l.append(box, ` ${label}`);
      augmentBox.append(l);
    }
    for (const option of byId<HTMLSelectElement>('backend').options) {
      const ok = this.app.available[option.value as BackendChoice];
      option.disabled = !ok;
      if (!ok) option.textContent += ' (not available here)';
    }
    this.writeConfig(DEFAULT_CONFIG);

    byId('start').addEventListener('click', () => void this.start());
    byId('pause').addEventListener('click', () => this.pause());
    byId('reset').addEventListener('click', () => void this.reset());
    byId('draw-clear').addEventListener('click', () => {
      this.pad.clear();
      this.lastPixels = undefined;
      this.prediction = undefined;
      byId('draw-prediction').textContent = '–';
      renderPrediction(byId('draw-bars'), undefined);
    });
    byId('augment-resample').addEventListener('click', () => this.renderPreview());
    byId('dataset').addEventListener('change', () => {
      const dataset = byId<HTMLSelectElement>('dataset').value as DatasetName;
      const d = defaultsFor(dataset);
      byId<HTMLSelectElement>('model').value = d.model;
      byId<HTMLInputElement>('hidden').value = d.hidden.join(', ');
      this.suggestLearningRate();
      this.structuralChange();
    });
    byId('optimizer').addEventListener('change', () => {
      this.suggestLearningRate();
      this.structuralChange();
    });
    byId('regularizer').addEventListener('change', () => {
      const r = byId<HTMLSelectElement>('regularizer').value as RegularizerName;
      byId<HTMLInputElement>('regularizer-strength').value = String(REGULARIZERS[r].strength);
      this.structuralChange();
    });
    for (const id of [
      'model',
      'hidden',
      'activation',
      'regularizer-strength',
      'learning-rate',
      'schedule',
      'seed',
    ])
      byId(id).addEventListener('change', () => this.structuralChange());
    byId('batch-size').addEventListener('change', () => {
      const session = this.session;
      if (!session) return;
      session.batchSize = Number(byId<HTMLSelectElement>('batch-size').value);
      this.log(`step ${session.step}: batch size ${session.batchSize}`);
    });
    augmentBox.addEventListener('change', () => {
      const session = this.session;
      const names = this.readAugment();
      if (session?.data.kind === 'images') {
        session.setAugmentation(names);
        this.log(`step ${session.step}: augmentation ${names.length ? names.join(' + ') : 'off'}`);
      }
      this.renderPreview();
    });
    byId('backend').addEventListener('change', () => void this.switchBackend());
  }

  private suggestLearningRate(): void {
    const optimizer = byId<HTMLSelectElement>('optimizer').value;
    const mnist = byId<HTMLSelectElement>('dataset').value === 'mnist';
    const lr = (SUGGESTED_LR[optimizer] ?? 0.01) * (mnist && optimizer !== 'adadelta' ? 0.3 : 1);
    byId<HTMLInputElement>('learning-rate').value = String(Number(lr.toPrecision(2)));
  }

  private readAugment(): AugmentName[] {
    return [...document.querySelectorAll<HTMLInputElement>('input[name="augment"]:checked')].map(
      (b) => b.value as AugmentName,
    );
  }

  private readConfig(): TrainConfig {
    const number = (id: string, what: string, min = 0): number => {
      const v = Number(byId<HTMLInputElement>(id).value);
      if (!Number.isFinite(v) || v < min) throw new Error(`${what}: expected a number ≥ ${min}`);
      return v;
    };
    const dataset = byId<HTMLSelectElement>('dataset').value as DatasetName;
    return {
      dataset,
      model: dataset === 'mnist' ? (byId<HTMLSelectElement>('model').value as TrainConfig['model']) : 'mlp',
      hidden: parseWidths(byId<HTMLInputElement>('hidden').value),
      activation: byId<HTMLSelectElement>('activation').value,
      optimizer: byId<HTMLSelectElement>('optimizer').value,
      learningRate: number('learning-rate', 'learning rate'),
      schedule: byId<HTMLSelectElement>('schedule').value as ScheduleName,
      regularizer: byId<HTMLSelectElement>('regularizer').value as RegularizerName,
      regularizerStrength: number('regularizer-strength', 'regularizer strength'),
      augment: this.readAugment(),
      batchSize: Number(byId<HTMLSelectElement>('batch-size').value),
      seed: Math.floor(number('seed', 'seed')),
      backend: byId<HTMLSelectElement>('backend').value as BackendChoice,
    };
  }

  private writeConfig(c: TrainConfig): void {
    byId<HTMLSelectElement>('dataset').value = c.dataset;
    byId<HTMLSelectElement>('model').value = c.model;
    byId<HTMLInputElement>('hidden').value = c.hidden.join(', ');
    byId<HTMLSelectElement>('activation').value = c.activation;
    byId<HTMLSelectElement>('optimizer').value = c.optimizer;
    byId<HTMLInputElement>('learning-rate').value = String(c.learningRate);
    byId<HTMLSelectElement>('schedule').value = c.schedule;
    byId<HTMLSelectElement>('regularizer').value = c.regularizer;
    byId<HTMLInputElement>('regularizer-strength').value = String(c.regularizerStrength);
    byId<HTMLSelectElement>('batch-size').value = String(c.batchSize);
    byId<HTMLInputElement>('seed').value = String(c.seed);
    byId<HTMLSelectElement>('backend').value = c.backend;
  }

  /** Settings that define a run: applied at once when idle, at the next reset while training. */
  private structuralChange(): void {
    this.syncControls();
    if (this.running) {
      this.dirty = true;
      byId('dirty').hidden = false;
    } else {
      void this.reset();
    }
  }

  /** Enables what fits the chosen data set. */
  private syncControls(): void {
    const images = byId<HTMLSelectElement>('dataset').value === 'mnist';
    const model = byId<HTMLSelectElement>('model');
    model.querySelector<HTMLOptionElement>('option[value="cnn"]')!.disabled = !images;
    if (!images) model.value = 'mlp';
    byId<HTMLFieldSetElement>('augment-box').disabled = !images;
  }

  // ---- running -------------------------------------------------------------------------

  /** Starts a new run from the controls; resets queue behind each other, so seeds never interleave. */
  reset(): Promise<void> {
    this.running = false;
    this.resets = this.resets.then(() => this.resetNow());
    return this.resets;
  }

  private async resetNow(): Promise<void> {
    await this.loop;
    this.hideError();
    const old = this.session;
    this.session = undefined;
    await old?.dispose();
    this.dirty = false;
    byId('dirty').hidden = true;
    this.history = new History();
    this.lastStep = undefined;
    this.lastEval = undefined;
    this.gridProbs = undefined;
    this.speed = { since: performance.now(), steps: 0, value: 0 };
    try {
      const config = this.readConfig();
      this.useBackend(config.backend);
      const session = await Session.create(this.rt, config);
      this.session = session;
      this.clearLog();
      this.log(`new run: ${describe(config)}, on ${this.modeLabel(session.backendName)}`);
      byId('model-summary').textContent = session.model.summary({ print: () => {} });
      this.syncPanels();
      await this.evaluate();
      this.renderPreview();
      if (this.lastPixels) void this.predictDigit(this.lastPixels);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Makes `choice` the runtime's default backend, falling back to the CPU if it cannot open. */
  private useBackend(choice: BackendChoice): void {
    try {
      this.rt.setBackend(BACKEND_NAME[choice]);
      this.rt.backend();
    } catch (e) {
      this.rt.setBackend('cpu');
      byId<HTMLSelectElement>('backend').value = 'cpu';
      this.fail(e);
    }
  }

  async start(): Promise<void> {
    if (this.running || this.starting) return;
    this.starting = true;
    try {
      await this.resets; // a run being made from changed settings
      if (!this.session || this.dirty) await this.reset();
      const session = this.session;
      if (!session) return;
      this.running = true;
      this.speed = { since: performance.now(), steps: 0, value: 0 };
      this.loop = this.trainLoop(session);
    } finally {
      this.starting = false;
    }
  }

  pause(): void {
    this.running = false;
  }

  /** Step, record, evaluate now and then, yield to the page: the page never freezes. */
  private async trainLoop(session: Session): Promise<void> {
    const every = session.data.kind === 'points' ? 20 : 100;
    const pacer = new Pacer();
    this.looping = true;
    try {
      while (this.running && this.session === session) {
        await session.trainStep();
        this.speed.steps++;
        const evaluate = session.step % every === 0;
        // The CPU reads its metrics every step; a GPU is kept busy for a few steps per read-back.
        if (
          evaluate ||
          !this.running ||
          session.pendingSteps >= (session.backendName === 'cpu' ? 1 : GPU_READ_EVERY)
        )
          await this.readMetrics(session);
        if (evaluate) await this.evaluate();
        await pacer.pause();
      }
      await this.readMetrics(session);
    } catch (e) {
      this.running = false;
      if (this.session === session) this.fail(e);
    } finally {
      this.looping = false;
    }
  }

  private async readMetrics(session: Session): Promise<void> {
    for (const r of await session.readMetrics()) {
      this.lastStep = r;
      this.history.addStep(r.step, r.loss, r.accuracy);
    }
  }

  private async evaluate(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const result = await session.evaluate();
    this.lastEval = result;
    this.history.addEvaluation(result.step, result.loss, result.accuracy);
    if (session.data.kind === 'points') {
      this.gridProbs = await session.predict(this.grid, GRID * GRID);
      this.boundaryDirty = true;
    } else {
      renderConfusion(byId('confusion'), result.confusion, session.data.classes);
      if (this.lastPixels) await this.predictDigit(this.lastPixels);
    }
  }

  private async switchBackend(): Promise<void> {
    const choice = byId<HTMLSelectElement>('backend').value as BackendChoice;
    const name = BACKEND_NAME[choice];
    try {
      const session = this.session;
      if (session) {
        const started = performance.now();
        await session.moveTo(name);
        const label = this.modeLabel(name);
        const ms = Math.round(performance.now() - started);
        this.history.mark(session.step, `→ ${label}`);
        this.log(`step ${session.step}: moved weights and optimizer state to ${label} in ${ms} ms`);
      } else this.rt.setBackend(name);
      this.speed = { since: performance.now(), steps: 0, value: 0 };
    } catch (e) {
      this.fail(e);
      const current = (Object.keys(BACKEND_NAME) as BackendChoice[]).find(
        (c) => BACKEND_NAME[c] === (this.session?.backendName ?? this.rt.backendName),
      );
      byId<HTMLSelectElement>('backend').value = current ?? 'cpu';
    }
  }

  private async predictDigit(pixels: Float32Array): Promise<void> {
    this.lastPixels = pixels;
    const session = this.session;
    if (session?.data.kind !== 'images') return;
    try {
      const probs = await session.predict(pixels, 1);
      let best = 0;
      for (let k = 1; k < probs.length; k++) if (probs[k]! > probs[best]!) best = k;
      this.prediction = best;
      byId('draw-prediction').textContent = String(best);
      renderPrediction(byId('draw-bars'), probs);
    } catch (e) {
      if (this.session === session) this.fail(e);
    }
  }

  // ---- views ---------------------------------------------------------------------------

  private modeLabel(backendName: string): string {
    const mode = modeOf(this.rt, backendName);
    return mode === 'cpu' ? 'cpu' : `gpu.js · ${mode}`;
  }

  private log(text: string): void {
    const li = document.createElement('li');
    li.textContent = text;
    byId('events').append(li);
  }

  private clearLog(): void {
    byId('events').replaceChildren();
  }

  private syncPanels(): void {
    const images = this.session?.data.kind === 'images';
    byId('panel-points').hidden = images;
    byId('panel-images').hidden = !images;
    byId('stat-params').textContent = this.session
      ? this.session.model.countParams('trainable').toLocaleString('en')
      : '–';
    if (images) renderConfusion(byId('confusion'), undefined, 10);
    else this.boundaryDirty = true;
  }

  private renderPreview(): void {
    const data = this.session?.data;
    this.lastPreview = performance.now();
    this.preview.render(
      data?.kind === 'images' ? data.train : undefined,
      this.readAugment(),
      this.session?.config.seed ?? 0,
    );
  }

  /** Once per frame: charts, numbers, buttons, the backend badge. */
  frame(): void {
    const now = performance.now();
    if (now - this.speed.since > 1000) {
      this.speed.value = (this.speed.steps * 1000) / (now - this.speed.since);
      this.speed = { since: now, steps: 0, value: this.speed.value };
    }
    this.charts.update(this.history);
    if (this.boundaryDirty && this.session?.data.kind === 'points') {
      this.boundaryDirty = false;
      this.boundary.render(this.gridProbs, this.session.data.train);
    }
    const fmt = (v: number | undefined, digits = 4) => (v === undefined ? '–' : v.toFixed(digits));
    const text = (id: string, value: string) => {
      const el = byId(id);
      if (el.textContent !== value) el.textContent = value;
    };
    text('stat-step', String(this.lastStep?.step ?? 0));
    text('stat-epoch', String(this.lastStep?.epoch ?? 0));
    text('stat-loss', fmt(this.history.smoothedLoss));
    text('stat-accuracy', fmt(this.history.smoothedAccuracy, 3));
    text('stat-val-loss', fmt(this.lastEval?.loss));
    text('stat-val-accuracy', fmt(this.lastEval?.accuracy, 3));
    text(
      'stat-lr',
      this.lastStep?.learningRate === undefined ? '–' : this.lastStep.learningRate.toPrecision(3),
    );
    text('stat-speed', this.running ? this.speed.value.toFixed(1) : '–');
    const backendName = this.session?.backendName ?? this.rt.backendName;
    text('backend-mode', this.modeLabel(backendName));
    byId('backend-mode').dataset.mode = modeOf(this.rt, backendName);
    byId<HTMLButtonElement>('start').disabled = this.running;
    byId<HTMLButtonElement>('pause').disabled = !this.running;
    if (this.running && this.session?.data.kind === 'images' && now - this.lastPreview > 2000)
      this.renderPreview();
  }

  status(): DemoStatus {
    const s = this.session;
    return {
      running: this.running || this.looping,
      step: s?.step ?? 0,
      epoch: s?.epoch ?? 0,
      dataset: s?.data.name,
      backend: this.rt.backendName,
      weightsBackend: s?.backendName,
      mode: s ? modeOf(this.rt, s.backendName) : undefined,
      shownMode: byId('backend-mode').dataset.mode ?? '',
      trainLoss: this.history.smoothedLoss,
      validationLoss: this.lastEval?.loss,
      validationAccuracy: this.lastEval?.accuracy,
      points: this.history.length,
      chartPoints: Number(byId('chart-loss').dataset.points ?? 0),
      prediction: this.prediction,
      memory: this.rt.memory(),
    };
  }

  fail(e: unknown): void {
    console.error(e);
    const el = byId('error');
    el.textContent = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    el.hidden = false;
  }

  private hideError(): void {
    byId('error').hidden = true;
  }
}

/** One line about a run's settings. */
function describe(c: TrainConfig): string {
  const model = `${c.model === 'cnn' ? 'CNN + ' : 'MLP '}${c.hidden.join('-')} ${c.activation}`;
  const reg = c.regularizer === 'none' ? '' : `, ${c.regularizer} ${c.regularizerStrength}`;
  const aug = c.dataset === 'mnist' && c.augment.length ? `, augment ${c.augment.join('+')}` : '';
  return `${c.dataset}, ${model}${reg}, ${c.optimizer} lr ${c.learningRate} (${SCHEDULES[c.schedule]}), batch ${c.batchSize}, seed ${c.seed}${aug}`;
}

function fill(select: HTMLElement, options: readonly (readonly [string, string])[]): void {
  for (const [value, label] of options) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.append(o);
  }
}

declare global {
  interface Window {
    /** The running app, for tests and the console. */
    demo?: { status(): DemoStatus; runtime: Runtime };
  }
}

async function main(): Promise<void> {
  const app = new App(await createAppRuntime());
  app.setUp();
  window.addEventListener('unhandledrejection', (e) => app.fail(e.reason));
  const tick = () => {
    try {
      app.frame();
    } catch (e) {
      app.fail(e);
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  await app.reset();
  app.frame();
  window.demo = { status: () => app.status(), runtime: app.rt };
  document.body.dataset.ready = 'true';
}

void main();
