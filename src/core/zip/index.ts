export { formatByteSize } from './byte-size';
export { crc32 } from './crc32';
export { openZip } from './open-zip';
export { ZipArchive } from './zip-archive';
export type { ZipEntry } from './zip-entry';
export { ZipError, type ZipErrorKind } from './zip-error';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-limits';
