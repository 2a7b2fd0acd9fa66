import { readBlobBytes } from './blob-bytes';
import { readUint64 } from './uint64';
import { ZipError } from './zip-error';

/** Where the central directory (the archive's table of contents) is, in blob offsets. */
export interface CentralDirectoryLocation {
  readonly offset: number;
  readonly size: number;
  /** Added to every offset the archive stores: non-zero when other data precedes the ZIP. */
  readonly baseOffset: number;
  readonly isZip64: boolean;
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const ZIP64_EOCD_SIZE = 56;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const MAX_COMMENT_SIZE = 0xffff;

/** The End of Central Directory record's facts, from the ZIP64 record where the archive has one. */
interface DirectoryEnd {
  readonly disk: number;
  readonly directoryDisk: number;
  readonly directorySize: number;
  readonly directoryOffset: number;
  /** Where the end records begin: the central directory must end here. */
  readonly recordsStart: number;
  readonly isZip64: boolean;
}

export const MISSING_END_REASON = 'its end record (the table of contents) is missing: the file is cut short or damaged. Was the download or copy incomplete?';

/** Reads only the archive's tail (at most 64 kB and a little), and a few bytes to check offsets. */
export async function locateCentralDirectory(blob: Blob, archiveName: string): Promise<CentralDirectoryLocation> {
  const tailStart = Math.max(0, blob.size - (EOCD_SIZE + MAX_COMMENT_SIZE + ZIP64_LOCATOR_SIZE));
  const tail = await readBlobBytes(blob, tailStart, blob.size, archiveName);
  const at = findEndRecord(tail);
  if (at < 0) throw new ZipError(archiveName, MISSING_END_REASON, 'corrupt');
  const end = await readDirectoryEnd(blob, tail, at, tailStart, archiveName);
  if (end.disk !== 0 || end.directoryDisk !== 0) {
    throw new ZipError(archiveName, 'it is one part of a split (multi-part) ZIP, which the studio cannot read: join the parts into one ZIP, or unzip them and drop the files', 'unsupported');
  }
  return placeDirectory(blob, end, archiveName);
}

/**
 * The last EOCD signature whose comment ends exactly at the end of the file, else the last one whose
 * comment fits (some tools append junk); scanning from the end skips signatures inside file data.
 */
function findEndRecord(tail: Uint8Array): number {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let fallback = -1;
  for (let at = tail.length - EOCD_SIZE; at >= 0; at--) {
    if (view.getUint32(at, true) !== EOCD_SIGNATURE) continue;
    const recordEnd = at + EOCD_SIZE + view.getUint16(at + 20, true);
    if (recordEnd === tail.length) return at;
    if (recordEnd < tail.length && fallback < 0) fallback = at;
  }
  return fallback;
}

async function readDirectoryEnd(blob: Blob, tail: Uint8Array, at: number, tailStart: number, archiveName: string): Promise<DirectoryEnd> {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const locatorAt = at - ZIP64_LOCATOR_SIZE;
  if (locatorAt >= 0 && view.getUint32(locatorAt, true) === ZIP64_LOCATOR_SIGNATURE) {
    return readZip64End(blob, readUint64(view, locatorAt + 8), tailStart + locatorAt, archiveName);
  }
  return {
    disk: view.getUint16(at + 4, true),
    directoryDisk: view.getUint16(at + 6, true),
    directorySize: view.getUint32(at + 12, true),
    directoryOffset: view.getUint32(at + 16, true),
    recordsStart: tailStart + at,
    isZip64: false,
  };
}

/** The ZIP64 record is where the locator says, or, when data precedes the ZIP, right before the locator. */
async function readZip64End(blob: Blob, statedOffset: number, locatorOffset: number, archiveName: string): Promise<DirectoryEnd> {
  for (const offset of [statedOffset, locatorOffset - ZIP64_EOCD_SIZE]) {
    if (offset < 0 || offset + ZIP64_EOCD_SIZE > locatorOffset) continue;
    const record = await readBlobBytes(blob, offset, offset + ZIP64_EOCD_SIZE, archiveName);
    const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
    if (view.getUint32(0, true) !== ZIP64_EOCD_SIGNATURE) continue;
    return {
      disk: view.getUint32(16, true),
      directoryDisk: view.getUint32(20, true),
      directorySize: readUint64(view, 40),
      directoryOffset: readUint64(view, 48),
      recordsStart: offset,
      isZip64: true,
    };
  }
  throw new ZipError(archiveName, 'its ZIP64 end record is missing or damaged: the archive is corrupt', 'corrupt');
}

/**
 * The directory is where the end record says, or, if other data (a self-extractor stub, say) was put
 * in front of the ZIP, right before the end records, with every stored offset shifted by as much.
 */
async function placeDirectory(blob: Blob, end: DirectoryEnd, archiveName: string): Promise<CentralDirectoryLocation> {
  const { directorySize: size, directoryOffset: stated, recordsStart, isZip64 } = end;
  const cutShort = new ZipError(archiveName, 'its table of contents (central directory) is cut short or damaged: the archive is corrupt', 'corrupt');
  if (size > recordsStart) throw cutShort;
  if (size === 0) return { offset: recordsStart, size, baseOffset: 0, isZip64 };
  const adjacent = recordsStart - size;
  for (const offset of stated === adjacent ? [stated] : [stated, adjacent]) {
    if (offset + size > recordsStart || !(await startsWithCentralHeader(blob, offset, archiveName))) continue;
    return { offset, size, baseOffset: offset - stated, isZip64 };
  }
  throw cutShort;
}

async function startsWithCentralHeader(blob: Blob, offset: number, archiveName: string): Promise<boolean> {
  const bytes = await readBlobBytes(blob, offset, offset + 4, archiveName);
  return bytes.length === 4 && new DataView(bytes.buffer).getUint32(0, true) === CENTRAL_HEADER_SIGNATURE;
}
