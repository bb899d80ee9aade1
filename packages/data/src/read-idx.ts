import { checkOptions, InvalidArgumentError } from '@descent/core';
import { IdxFormatError } from './errors';
import { gunzip, isGzip } from './internal/gunzip';
import { readFileBytes } from './internal/read-file';

/** The element types of the IDX format. */
export type IdxType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/** An IDX file's array: its dimensions and its values in the typed array of its element type. */
export interface IdxArray {
  /** The element type the file declares. */
  readonly type: IdxType;
  /** The dimensions the file declares. */
  readonly shape: readonly number[];
  /** The values, row-major, in the typed array of `type`. */
  readonly data: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

const TYPES: Record<number, { type: IdxType; bytes: number }> = {
  8: { type: 'uint8', bytes: 1 },
  9: { type: 'int8', bytes: 1 },
  11: { type: 'int16', bytes: 2 },
  12: { type: 'int32', bytes: 4 },
  13: { type: 'float32', bytes: 4 },
  14: { type: 'float64', bytes: 8 },
};

/**
 * Reads an IDX file (the MNIST format; plain or gzipped, detected from the bytes) of any
 * element type. Node only; `parseIdx` takes bytes in the browser. Every header field and the
 * payload size are checked: an `IdxFormatError` names the file and the byte offset.
 *
 * @example
 * const images = await readIdx('data/train-images-idx3-ubyte'); // { type: 'uint8', shape: [60000, 28, 28], data }
 * const labels = await readIdx('data/train-labels-idx1-ubyte.gz');
 */
export async function readIdx(path: string): Promise<IdxArray> {
  if (typeof path !== 'string')
    throw new InvalidArgumentError('readIdx', `expected a file path, got ${typeof path}`);
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(path);
  } catch (e) {
    throw new IdxFormatError(path, 0, `cannot read the file: ${(e as Error).message}`);
  }
  return parseIdx(bytes, { name: path });
}

/**
 * Parses the bytes of an IDX file (plain or gzipped). `name` is what errors call the file.
 *
 * @example
 * const arr = await parseIdx(new Uint8Array(await (await fetch(url)).arrayBuffer()), { name: url });
 */
export async function parseIdx(bytes: Uint8Array, options: { name?: string } = {}): Promise<IdxArray> {
  checkOptions('parseIdx', options);
  const name = options.name ?? '<IDX bytes>';
  if (!(bytes instanceof Uint8Array))
    throw new InvalidArgumentError('parseIdx', `expected a Uint8Array, got ${typeof bytes}`);
  let buf = bytes;
  if (isGzip(buf)) {
    try {
      buf = await gunzip(buf);
    } catch (e) {
      throw new IdxFormatError(name, 0, `gzip data cannot be decompressed (${(e as Error).message})`);
    }
  }
  return decode(buf, name);
}

function decode(buf: Uint8Array, name: string): IdxArray {
  if (buf.length < 4)
    throw new IdxFormatError(
      name,
      buf.length,
      `the file has ${buf.length} bytes, shorter than the 4-byte IDX magic number`,
    );
  if (buf[0] !== 0 || buf[1] !== 0)
    throw new IdxFormatError(
      name,
      buf[0] !== 0 ? 0 : 1,
      `bad magic number 0x${hex(buf[0]!)}${hex(buf[1]!)}${hex(buf[2]!)}${hex(buf[3]!)}: an IDX file starts with two zero bytes`,
    );
  const t = TYPES[buf[2]!];
  if (!t)
    throw new IdxFormatError(
      name,
      2,
      `unknown IDX element type 0x${hex(buf[2]!)} (expected 0x08, 0x09, 0x0b, 0x0c, 0x0d or 0x0e)`,
    );
  const rank = buf[3]!;
  if (rank === 0) throw new IdxFormatError(name, 3, 'the array has 0 dimensions');
  const headerBytes = 4 + 4 * rank;
  if (buf.length < headerBytes)
    throw new IdxFormatError(
      name,
      buf.length,
      `truncated header: ${rank} dimensions need ${headerBytes} header bytes, the file has ${buf.length}`,
    );
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const shape: number[] = [];
  let size = 1;
  for (let i = 0; i < rank; i++) {
    const d = view.getUint32(4 + 4 * i, false);
    shape.push(d);
    size *= d;
  }
  const expected = size * t.bytes;
  const found = buf.length - headerBytes;
  if (expected !== found)
    throw new IdxFormatError(
      name,
      headerBytes + Math.min(expected, found),
      `${t.type} data of shape [${shape.join(',')}] needs ${expected} bytes after the ${headerBytes}-byte header, the file has ${found}${found < expected ? ' (truncated)' : ' (trailing bytes)'}`,
    );
  return { type: t.type, shape, data: values(view, headerBytes, size, t.type) };
}

function values(view: DataView, at: number, n: number, type: IdxType): IdxArray['data'] {
  switch (type) {
    case 'uint8':
      return new Uint8Array(view.buffer.slice(view.byteOffset + at, view.byteOffset + at + n));
    case 'int8':
      return new Int8Array(view.buffer.slice(view.byteOffset + at, view.byteOffset + at + n));
    case 'int16': {
      const out = new Int16Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getInt16(at + 2 * i, false);
      return out;
    }
    case 'int32': {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getInt32(at + 4 * i, false);
      return out;
    }
    case 'float32': {
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat32(at + 4 * i, false);
      return out;
    }
    case 'float64': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat64(at + 8 * i, false);
      return out;
    }
  }
}

function hex(b: number): string {
  return b.toString(16).padStart(2, '0');
}
