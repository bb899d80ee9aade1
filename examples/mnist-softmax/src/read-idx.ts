import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** An IDX file (the MNIST format): its dimensions and its unsigned-byte payload. */
export interface Idx {
  shape: number[];
  data: Uint8Array;
}

/**
 * Reads an IDX file of unsigned bytes (type 0x08), plain or gzipped. A small reader for this
 * example; @descent/data will bring the general one.
 */
export function readIdx(path: string): Idx {
  let buf = readFileSync(path);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  if (buf.length < 4 || buf[0] !== 0 || buf[1] !== 0) throw new Error(`${path}: not an IDX file (bad magic)`);
  if (buf[2] !== 0x08)
    throw new Error(`${path}: IDX element type 0x${buf[2]?.toString(16)} is not unsigned byte`);
  const rank = buf[3]!;
  const header = 4 + 4 * rank;
  if (buf.length < header) throw new Error(`${path}: truncated IDX header`);
  const shape = Array.from({ length: rank }, (_, i) => buf.readUInt32BE(4 + 4 * i));
  const size = shape.reduce((a, b) => a * b, 1);
  if (buf.length !== header + size) {
    throw new Error(
      `${path}: expected ${size} data bytes for shape [${shape}], found ${buf.length - header}`,
    );
  }
  return { shape, data: new Uint8Array(buf.buffer, buf.byteOffset + header, size) };
}
