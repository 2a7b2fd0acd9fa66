import { findExtraField, ZIP64_EXTRA_ID } from './extra-field';
import { readUint64 } from './uint64';
import { ZipError } from './zip-error';

/** One central directory file header (APPNOTE 4.3.12), with ZIP64 values already applied. */
export interface CentralRecord {
  readonly versionMadeBy: number;
  readonly flags: number;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly rawName: Uint8Array;
  readonly extra: Uint8Array;
  readonly externalAttributes: number;
  readonly localHeaderOffset: number;
}

const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;
const ZIP64_MARKER = 0xffffffff;

/** Every record of the directory's bytes, which must hold whole, well-signed records and nothing else. */
export function parseCentralDirectory(bytes: Uint8Array, archiveName: string): CentralRecord[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: CentralRecord[] = [];
  for (let at = 0; at < bytes.length; ) {
    if (at + CENTRAL_HEADER_SIZE > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER_SIGNATURE) {
      throw damagedDirectory(archiveName, records.length);
    }
    const nameEnd = at + CENTRAL_HEADER_SIZE + view.getUint16(at + 28, true);
    const extraEnd = nameEnd + view.getUint16(at + 30, true);
    const recordEnd = extraEnd + view.getUint16(at + 32, true);
    if (recordEnd > bytes.length) throw damagedDirectory(archiveName, records.length);
    records.push(readRecord(view, at, bytes.subarray(at + CENTRAL_HEADER_SIZE, nameEnd), bytes.subarray(nameEnd, extraEnd), archiveName));
    at = recordEnd;
  }
  return records;
}

function damagedDirectory(archiveName: string, goodRecords: number): ZipError {
  const where = goodRecords === 0 ? 'at its first entry' : `after ${goodRecords} good ${goodRecords === 1 ? 'entry' : 'entries'}`;
  return new ZipError(archiveName, `its table of contents (central directory) is damaged ${where}: the archive is corrupt`, 'corrupt');
}

function readRecord(view: DataView, at: number, rawName: Uint8Array, extra: Uint8Array, archiveName: string): CentralRecord {
  const stated = {
    uncompressedSize: view.getUint32(at + 24, true),
    compressedSize: view.getUint32(at + 20, true),
    localHeaderOffset: view.getUint32(at + 42, true),
  };
  return {
    versionMadeBy: view.getUint16(at + 4, true),
    flags: view.getUint16(at + 8, true),
    method: view.getUint16(at + 10, true),
    crc32: view.getUint32(at + 16, true),
    ...applyZip64(stated, extra, archiveName),
    rawName,
    extra,
    externalAttributes: view.getUint32(at + 38, true),
  };
}

type Sizes = { uncompressedSize: number; compressedSize: number; localHeaderOffset: number };

/** The ZIP64 field holds, in this order, 8-byte values for just those fields stored as 0xFFFFFFFF. */
function applyZip64(stated: Sizes, extra: Uint8Array, archiveName: string): Sizes {
  const needed = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter((key) => stated[key] === ZIP64_MARKER);
  if (needed.length === 0) return stated;
  const field = findExtraField(extra, ZIP64_EXTRA_ID);
  if (field === undefined || field.length < needed.length * 8) {
    throw new ZipError(archiveName, 'an entry of its table of contents lacks the ZIP64 sizes it refers to: the archive is corrupt', 'corrupt');
  }
  const view = new DataView(field.buffer, field.byteOffset, field.byteLength);
  const sizes = { ...stated };
  needed.forEach((key, i) => (sizes[key] = readUint64(view, i * 8)));
  return sizes;
}
