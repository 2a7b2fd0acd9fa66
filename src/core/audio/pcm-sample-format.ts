/** How one sample is stored in an uncompressed WAV or AIFF data chunk. */
export type PcmSampleFormat =
  | { readonly kind: 'int'; readonly bits: 8 | 16 | 24 | 32; readonly signed: boolean }
  | { readonly kind: 'float'; readonly bits: 32 | 64 }
  | { readonly kind: 'alaw' }
  | { readonly kind: 'ulaw' };

export function bytesPerSample(format: PcmSampleFormat): number {
  if (format.kind === 'alaw' || format.kind === 'ulaw') return 1;
  return format.bits / 8;
}

export function describeSampleFormat(format: PcmSampleFormat): string {
  switch (format.kind) {
    case 'int':
      return `PCM ${format.bits}-bit`;
    case 'float':
      return `float ${format.bits}-bit`;
    case 'alaw':
      return 'A-law';
    case 'ulaw':
      return 'µ-law';
  }
}
