import { concatBytes } from './concat-bytes';
import { crc32 } from './crc32';

/** One file to store in a ZIP: its path inside the archive and its bytes. */
export interface ZipWriterEntry {
  readonly path: string;
  readonly data: Uint8Array;
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_OF_DIRECTORY_SIGNATURE = 0x06054b50;
const VERSION_NEEDED = 20;
// Made by Unix (3), spec 3.0: readers then take the external attributes as Unix file modes.
const VERSION_MADE_BY = 0x031e;
const UTF8_NAME_FLAG = 0x800;
const STORED = 0;
// Regular file, rw-r--r--, in the high 16 bits as Info-ZIP writes Unix modes.
const UNIX_FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;
// 1980-01-01 00:00 in MS-DOS format: a fixed time keeps the archive's bytes a function of its contents.
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const MAX_CLASSIC_FIELD = 0xffffffff;
const MAX_CLASSIC_COUNT = 0xffff;

const encoder = new TextEncoder();

/**
 * A ZIP of the entries, stored without compression (method 0) with UTF-8 names, as any unzip
 * tool and our `openZip` read it. Storing keeps the writer small: model weights are float32 noise
 * that Deflate barely shrinks. Classic (non-ZIP64) format, so the archive must stay under 4 GiB.
 */
export function writeStoredZip(entries: readonly ZipWriterEntry[]): Uint8Array {
  checkEntries(entries);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.path);
    const crc = crc32(entry.data);
    const local = localHeader(name, crc, entry.data.length);
    centrals.push(centralHeader(name, crc, entry.data.length, offset));
    locals.push(local, entry.data);
    offset += local.length + entry.data.length;
  }
  const directory = concatBytes(centrals);
  if (offset + directory.length > MAX_CLASSIC_FIELD) throw new RangeError('A stored ZIP over 4 GiB needs ZIP64, which this writer does not write.');
  return concatBytes([...locals, directory, endOfDirectory(entries.length, directory.length, offset)]);
}

function checkEntries(entries: readonly ZipWriterEntry[]): void {
  if (entries.length > MAX_CLASSIC_COUNT) throw new RangeError(`A ZIP without ZIP64 holds at most ${MAX_CLASSIC_COUNT} entries.`);
  const seen = new Set<string>();
  for (const { path } of entries) {
    if (path === '' || path.startsWith('/') || path.split('/').some((part) => part === '..' || part === '.')) {
      throw new RangeError(`"${path}" is not a relative path inside a ZIP.`);
    }
    if (seen.has(path)) throw new RangeError(`"${path}" appears twice; each path in a ZIP must be unique.`);
    seen.add(path);
  }
}

function localHeader(name: Uint8Array, crc: number, size: number): Uint8Array {
  const header = new DataView(new ArrayBuffer(30));
  header.setUint32(0, LOCAL_HEADER_SIGNATURE, true);
  header.setUint16(4, VERSION_NEEDED, true);
  header.setUint16(6, UTF8_NAME_FLAG, true);
  header.setUint16(8, STORED, true);
  header.setUint16(10, DOS_TIME, true);
  header.setUint16(12, DOS_DATE, true);
  header.setUint32(14, crc, true);
  header.setUint32(18, size, true);
  header.setUint32(22, size, true);
  header.setUint16(26, name.length, true);
  header.setUint16(28, 0, true);
  return concatBytes([new Uint8Array(header.buffer), name]);
}

function centralHeader(name: Uint8Array, crc: number, size: number, localOffset: number): Uint8Array {
  const header = new DataView(new ArrayBuffer(46));
  header.setUint32(0, CENTRAL_HEADER_SIGNATURE, true);
  header.setUint16(4, VERSION_MADE_BY, true);
  header.setUint16(6, VERSION_NEEDED, true);
  header.setUint16(8, UTF8_NAME_FLAG, true);
  header.setUint16(10, STORED, true);
  header.setUint16(12, DOS_TIME, true);
  header.setUint16(14, DOS_DATE, true);
  header.setUint32(16, crc, true);
  header.setUint32(20, size, true);
  header.setUint32(24, size, true);
  header.setUint16(28, name.length, true);
  // Extra field length, comment length, disk number, internal attributes: all 0.
  header.setUint32(38, UNIX_FILE_ATTRIBUTES, true);
  header.setUint32(42, localOffset, true);
  return concatBytes([new Uint8Array(header.buffer), name]);
}

function endOfDirectory(count: number, directorySize: number, directoryOffset: number): Uint8Array {
  const record = new DataView(new ArrayBuffer(22));
  record.setUint32(0, END_OF_DIRECTORY_SIGNATURE, true);
  record.setUint16(8, count, true);
  record.setUint16(10, count, true);
  record.setUint32(12, directorySize, true);
  record.setUint32(16, directoryOffset, true);
  return new Uint8Array(record.buffer);
}
