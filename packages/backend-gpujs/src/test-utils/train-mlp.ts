import { valueAndGrad } from '@descent/autograd';
import {
  add,
  gather,
  logSoftmax,
  matmul,
  mean,
  mul,
  neg,
  oneHot,
  type Runtime,
  randomNormal,
  relu,
  sub,
  sum,
  type Tensor,
} from '@descent/core';

/** A two-layer MLP's parameters. */
export interface MlpParams {
  [name: string]: Tensor;
  w1: Tensor;
  b1: Tensor;
  w2: Tensor;
  b2: Tensor;
}

/** What one training run records per step, and the backend's counters around it. */
export interface TrainLog {
  losses: number[];
  /** Backend counters (`memory().backends[backend].backend`) after each step. */
  counters: Record<string, number>[];
  /** Live tensors (core), backend buffers and the `probe`'s count at the end of each epoch. */
  epochEnds: { tensors: number; buffers: number; textures: number; probe: number }[];
}

export interface TrainOptions {
  lr?: number;
  /** Called after the first step; returns a function counting something at each epoch end (GPU resources). */
  probe?: (rt: Runtime) => () => number;
}

export const FEATURES = 8;
export const HIDDEN = 16;
export const CLASSES = 4;
export const SAMPLES = 256;
export const BATCH = 32;

/**
 * A deterministic 4-class problem: class c's points are centred on ±1 along features 2c and
 * 2c + 1, plus noise. Plain JS (xorshift), so both runtimes see the same numbers.
 */
export function makeDataset(): { x: Float32Array; labels: Int32Array } {
  let s = 0x9e3779b9;
  const rand = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  const x = new Float32Array(SAMPLES * FEATURES);
  const labels = new Int32Array(SAMPLES);
  for (let i = 0; i < SAMPLES; i++) {
    const c = i % CLASSES;
    labels[i] = c;
    for (let f = 0; f < FEATURES; f++) {
      const centre = f === 2 * c ? 1 : f === 2 * c + 1 ? -1 : 0;
      x[i * FEATURES + f] = centre + (rand() - 0.5) * 1.5;
    }
  }
  return { x, labels };
}

function crossEntropy(x: Tensor, y: Tensor, p: MlpParams): Tensor {
  const h = relu(add(matmul(x, p.w1), p.b1));
  const logits = add(matmul(h, p.w2), p.b2);
  return neg(mean(sum(mul(y, logSoftmax(logits)), -1)));
}

/**
 * Trains the MLP with plain SGD for `steps` steps on `rt`'s default backend: the same code for
 * every backend. Each epoch draws a seeded shuffle; each step gathers its batch on the device,
 * takes one gradient step inside `tidy`, and reads back the loss (its only readback).
 */
export async function trainMlp(rt: Runtime, steps: number, options: TrainOptions = {}): Promise<TrainLog> {
  const lr = options.lr ?? 0.2;
  let count = () => 0;
  const backend = rt.backendName;
  const { x: xs, labels } = makeDataset();
  const data = rt.keep(rt.tensor(xs, [SAMPLES, FEATURES]));
  const targets = rt.keep(rt.tidy(() => oneHot(rt.tensor(labels, [SAMPLES], 'int32'), CLASSES)));
  let params: MlpParams = rt.tidy(() => ({
    w1: rt.keep(mul(randomNormal(rt, [FEATURES, HIDDEN]), 0.5)),
    b1: rt.keep(rt.tensor(new Float32Array(HIDDEN), [HIDDEN])),
    w2: rt.keep(mul(randomNormal(rt, [HIDDEN, CLASSES]), 0.5)),
    b2: rt.keep(rt.tensor(new Float32Array(CLASSES), [CLASSES])),
  }));
  const log: TrainLog = { losses: [], counters: [], epochEnds: [] };
  const perEpoch = SAMPLES / BATCH;
  let order = rt.shuffle(SAMPLES);
  for (let step = 0; step < steps; step++) {
    const b = step % perEpoch;
    if (b === 0 && step > 0) order = rt.shuffle(SAMPLES);
    const [loss, next] = rt.tidy(() => {
      const idx = rt.tensor(order.subarray(b * BATCH, (b + 1) * BATCH), [BATCH], 'int32');
      const x = gather(data, idx);
      const y = gather(targets, idx);
      const { value, grads } = valueAndGrad((p: MlpParams) => crossEntropy(x, y, p))(params);
      const updated: MlpParams = {
        w1: sub(params.w1, mul(grads.w1, lr)),
        b1: sub(params.b1, mul(grads.b1, lr)),
        w2: sub(params.w2, mul(grads.w2, lr)),
        b2: sub(params.b2, mul(grads.b2, lr)),
      };
      return [value, updated] as const;
    });
    rt.dispose(params);
    params = next as MlpParams;
    for (const t of Object.values(params)) rt.keep(t);
    log.losses.push((await loss.data())[0]!);
    loss.dispose();
    log.counters.push({ ...rt.memory().backends[backend]!.backend });
    if (step === 0 && options.probe) count = options.probe(rt);
    if ((step + 1) % perEpoch === 0) {
      const m = rt.memory().backends[backend]!;
      log.epochEnds.push({
        tensors: m.numTensors,
        buffers: m.backend.buffers ?? 0,
        textures: m.backend.textures ?? m.backend.buffers ?? 0,
        probe: count(),
      });
    }
  }
  rt.dispose([params, data, targets]);
  return log;
}
