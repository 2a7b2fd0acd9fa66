/** Inflated bytes, or why the compressed data could not be inflated to the declared size. */
export type InflateResult = { readonly bytes: Uint8Array } | { readonly problem: string };

// DecompressionStream inflates each input chunk whole before the reader sees any of it (the
// Compression Standard says so), so the input goes in small chunks: one chunk inflates to at most
// about 16 MB (Deflate's limit is 1032:1) however much the data lies about its size.
const INPUT_CHUNK_SIZE = 16 * 1024;

/**
 * Inflates raw Deflate data with the platform's DecompressionStream into exactly `declaredSize`
 * bytes. It stops as soon as the output would exceed that size, so a zip bomb that lies about its
 * size costs little more memory or time than its claim.
 */
export async function inflateRaw(compressed: Uint8Array, declaredSize: number): Promise<InflateResult> {
  const output = new Uint8Array(declaredSize);
  const reader = inChunks(compressed).pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let filled = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (filled + chunk.value.length > declaredSize) {
        await reader.cancel().catch(() => undefined);
        return { problem: `it inflates to more than the ${declaredSize} bytes it declares, so reading stopped there: the archive is damaged or built to exhaust memory (a zip bomb)` };
      }
      output.set(chunk.value, filled);
      filled += chunk.value.length;
    }
  } catch {
    return { problem: 'its compressed data is damaged and cannot be inflated: the archive is corrupt' };
  }
  if (filled < declaredSize) {
    return { problem: `it inflates to ${filled} bytes, fewer than the ${declaredSize} it declares: the entry is damaged` };
  }
  return { bytes: output };
}

/** A stream that hands out the bytes a chunk at a time, only when the decompressor asks for more. */
function inChunks(bytes: Uint8Array): ReadableStream<Uint8Array<ArrayBuffer>> {
  let at = 0;
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      pull(controller) {
        if (at >= bytes.length) controller.close();
        else controller.enqueue(bytes.subarray(at, (at += INPUT_CHUNK_SIZE)) as Uint8Array<ArrayBuffer>);
      },
    },
    { highWaterMark: 0 },
  );
}
