/** Claims an archive may make before the studio refuses it; sizes are uncompressed bytes. */
export interface ZipLimits {
  /** The sum of every entry's declared size: more is refused before anything is read. */
  readonly maxTotalBytes: number;
  /** One entry's declared size: a larger entry is listed with a problem and not read. */
  readonly maxEntryBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 4e9,
  // A one-hour 48 kHz stereo 24-bit WAV is 1.04 GB; nothing a clip-based dataset holds is larger.
  maxEntryBytes: 1.5e9,
};
