import type { Runtime } from '@descent/core';
import { decodeMnistSubset, type MnistSplit } from './mnist-subset';
import { makeToySet, type ToyName } from './toy';

export type DatasetName = ToyName | 'mnist';

/** Examples as host arrays: features row-major `[count, ...featureShape]`, int labels. */
export interface Split {
  readonly x: Float32Array;
  readonly labels: Int32Array;
  readonly count: number;
}

export interface DemoData {
  readonly name: DatasetName;
  /** 'points' for the 2-D sets, 'images' (NHWC) for MNIST. */
  readonly kind: 'points' | 'images';
  readonly featureShape: readonly number[];
  readonly classes: number;
  readonly train: Split;
  readonly validation: Split;
}

const TOY_TRAIN = 600;
const TOY_VALIDATION = 300;

let mnistBytes: Promise<Uint8Array> | undefined;

/** The MNIST subset shipped with the app (`mnist-subset.bin`, made at build time), fetched once. */
function fetchMnist(): Promise<Uint8Array> {
  mnistBytes ??= fetch(`${import.meta.env.BASE_URL}mnist-subset.bin`).then(async (res) => {
    if (!res.ok) throw new Error(`mnist-subset.bin: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  });
  return mnistBytes;
}

function toFloat(split: MnistSplit): Split {
  const x = new Float32Array(split.images.length);
  for (let i = 0; i < x.length; i++) x[i] = split.images[i]! / 255;
  return { x, labels: Int32Array.from(split.labels), count: split.count };
}

/**
 * The data set of a session. The 2-D sets are drawn from `rt`'s seeded stream (so call this
 * right after `rt.seed(seed)`); MNIST is the shipped subset, 5,000 training and 1,000 test digits.
 */
export async function loadDataset(rt: Runtime, name: DatasetName): Promise<DemoData> {
  if (name === 'mnist') {
    const subset = decodeMnistSubset(await fetchMnist());
    return {
      name,
      kind: 'images',
      featureShape: [subset.rows, subset.cols, 1],
      classes: 10,
      train: toFloat(subset.train),
      validation: toFloat(subset.test),
    };
  }
  return {
    name,
    kind: 'points',
    featureShape: [2],
    classes: 2,
    train: makeToySet(rt, name, TOY_TRAIN),
    validation: makeToySet(rt, name, TOY_VALIDATION),
  };
}
