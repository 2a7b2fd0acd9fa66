/** One entry of a ZIP's central directory (its table of contents), as listed before any data is read. */
export interface ZipEntry {
  /** Where the entry sits in the archive: `/`-separated, no leading `/`, `.` or `..` segments. */
  readonly path: string;
  /** The last segment of `path`: the file or folder name. */
  readonly name: string;
  /** The name as the archive stores it, decoded to text: what `path` was made from. */
  readonly storedName: string;
  readonly isDirectory: boolean;
  /** `__MACOSX/…`, `.DS_Store`, `Thumbs.db` and the like: files an OS adds, safe to skip silently. */
  readonly isSystemFile: boolean;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Why the entry cannot be read, as a clause to follow its path; absent if it can be read. */
  readonly problem?: string;
  /** How and where the data is stored: the compression method, its CRC-32 and its local header. */
  readonly method: number;
  readonly crc32: number;
  readonly localHeaderOffset: number;
}
