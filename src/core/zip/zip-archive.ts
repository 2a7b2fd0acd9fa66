import { STORED } from './compression-method';
import { crc32 } from './crc32';
import type { ArchiveLayout } from './entry-from-record';
import { inflateRaw } from './inflate-raw';
import { dataOffsetAfterLocalHeader, LOCAL_HEADER_SIZE } from './local-header';
import { ReadAheadWindow } from './read-ahead-window';
import type { ZipEntry } from './zip-entry';
import { ZipError, type ZipErrorKind } from './zip-error';

// Room for the local header's name and extra field in the first read: names are rarely over 200
// bytes and Info-ZIP's extra fields (time, Unix ids, ZIP64) take under 60.
const LOCAL_NAME_AND_EXTRA_GUESS = 512;

/**
 * An opened ZIP: its listed entries, each read on demand from the Blob (a dropped File), so memory
 * holds the directory, a 4 MB read-ahead window and the entry being read, never the archive.
 * Reading entries in archive order is fastest; reads may overlap.
 */
export class ZipArchive {
  readonly name: string;
  readonly entries: readonly ZipEntry[];
  private readonly layout: ArchiveLayout;
  private readonly window: ReadAheadWindow;

  constructor(source: Blob, name: string, entries: readonly ZipEntry[], layout: ArchiveLayout) {
    this.name = name;
    this.entries = entries;
    this.layout = layout;
    this.window = new ReadAheadWindow(source, layout.dataEnd, name);
  }

  /**
   * The entry's bytes, checked against its CRC-32. Throws a ZipError naming the entry: `corrupt`
   * if its data is damaged, `unsupported` with its `problem` if it has one; or, if the file can no
   * longer be read, `unreadable` for the whole archive. A folder reads as no bytes. Stored
   * data may come as a view into a slightly larger buffer: mind `byteOffset`.
   */
  async read(entry: ZipEntry): Promise<Uint8Array> {
    if (entry.problem !== undefined) throw this.entryError(entry, entry.problem, 'unsupported');
    if (entry.isDirectory) return new Uint8Array(0);
    const bytes = await this.unpack(entry, await this.readPackedData(entry));
    if (crc32(bytes) !== entry.crc32) {
      throw this.entryError(entry, 'its data does not match its checksum (CRC-32): the entry is corrupt');
    }
    return bytes;
  }

  /**
   * The entry's data as the archive holds it, compressed or not. One read takes its local header and data together,
   * guessing the header's length; only a header longer than the guess costs a second read.
   */
  private async readPackedData(entry: ZipEntry): Promise<Uint8Array> {
    const { localHeaderOffset: start, compressedSize } = entry;
    const guessedEnd = Math.min(start + LOCAL_HEADER_SIZE + LOCAL_NAME_AND_EXTRA_GUESS + compressedSize, this.layout.dataEnd);
    let record = await this.window.read(start, guessedEnd);
    const dataStart = dataOffsetAfterLocalHeader(record, 0);
    if (dataStart === undefined) throw this.entryError(entry, 'its local header is missing or damaged: the entry is corrupt');
    const dataEnd = dataStart + compressedSize;
    if (start + dataEnd > this.layout.dataEnd) {
      throw this.entryError(entry, 'its data would run past the end of the archive: the entry is damaged or the archive is cut short');
    }
    if (dataEnd > record.length) record = await this.window.read(start, start + dataEnd);
    return record.subarray(dataStart, dataEnd);
  }

  private async unpack(entry: ZipEntry, packed: Uint8Array): Promise<Uint8Array> {
    if (entry.method === STORED) return packed;
    const result = await inflateRaw(packed, entry.uncompressedSize);
    if ('problem' in result) throw this.entryError(entry, result.problem);
    return result.bytes;
  }

  private entryError(entry: ZipEntry, reason: string, kind: ZipErrorKind = 'corrupt'): ZipError {
    return new ZipError(this.name, reason, kind, entry.path || entry.storedName);
  }
}
