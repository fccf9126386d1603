// The page as a server sends it: precompressed copies written next to dist/index.html.
import zlib from "node:zlib";

/** The page compressed as a server sends it: `.gz` (gzip -9) and `.br` (Brotli, best). */
export function compressed(content: Buffer): { gz: Buffer; br: Buffer } {
  return {
    gz: zlib.gzipSync(content, { level: 9 }),
    br: zlib.brotliCompressSync(content, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_LGWIN]: zlib.constants.BROTLI_MAX_WINDOW_BITS,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
  };
}
