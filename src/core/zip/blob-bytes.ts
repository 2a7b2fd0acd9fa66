import { ZipError } from './zip-error';

// Browsers fail reads of a dropped file that has since been moved, changed or deleted with these.
const FILE_ACCESS_ERRORS = new Set(['NotReadableError', 'NotFoundError', 'SecurityError']);

function isFileAccessError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && FILE_ACCESS_ERRORS.has(String(error.name));
}

function fileAccessError(archiveName: string): ZipError {
  return new ZipError(archiveName, 'the file could no longer be read: was it moved, changed or deleted after it was dropped?', 'unreadable');
}

/** Bytes [start, end) of the blob; only this range is read from a file-backed Blob or File. */
export async function readBlobBytes(blob: Blob, start: number, end: number, archiveName: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await blob.slice(start, end).arrayBuffer());
  } catch (error) {
    throw isFileAccessError(error) ? fileAccessError(archiveName) : error;
  }
}
