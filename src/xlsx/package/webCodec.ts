/** The Codec on the browser's CompressionStream (Chromium 103+, Safari 16.4+, Firefox 113+). */
import { crc32, type Codec } from './codec';

async function pipe(data: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const out = new Blob([data as BlobPart]).stream().pipeThrough(stream as unknown as TransformStream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export const webCodec: Codec = {
  inflateRaw: (data) => pipe(data, new DecompressionStream('deflate-raw' as CompressionFormat)),
  deflateRaw: (data) => pipe(data, new CompressionStream('deflate-raw' as CompressionFormat)),
  crc32,
};
