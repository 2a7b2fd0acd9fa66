export const STORED = 0;
export const DEFLATED = 8;
export const AES_ENCRYPTED = 99;

// APPNOTE 4.4.5, with the names the tools that write them use.
const METHOD_NAMES: Record<number, string> = {
  1: 'Shrink',
  2: 'Reduce',
  3: 'Reduce',
  4: 'Reduce',
  5: 'Reduce',
  6: 'Implode',
  9: 'Deflate64',
  10: 'PKWARE DCL Implode',
  12: 'bzip2',
  14: 'LZMA',
  16: 'IBM z/OS CMPSC',
  18: 'IBM TERSE',
  19: 'IBM LZ77',
  20: 'Zstandard',
  93: 'Zstandard',
  94: 'MP3',
  95: 'XZ',
  96: 'JPEG',
  97: 'WavPack',
  98: 'PPMd',
};

export function isReadableMethod(method: number): boolean {
  return method === STORED || method === DEFLATED;
}

/** Why an entry packed with an unreadable method cannot be read, and what to do instead. */
export function unreadableMethodProblem(method: number): string {
  const name = METHOD_NAMES[method];
  const packing = name === undefined ? `an unknown compression method (${method})` : `${name} (method ${method})`;
  return `it is compressed with ${packing}, which the studio cannot unpack: make the ZIP again with ordinary compression (Deflate) or none (Store)`;
}
