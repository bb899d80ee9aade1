/** Whether bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses gzip bytes: node:zlib in Node (loaded lazily), DecompressionStream in browsers. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (typeof process !== 'undefined' && process.versions?.node) {
    const { gunzipSync } = await import('node:zlib');
    const out = gunzipSync(bytes);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
