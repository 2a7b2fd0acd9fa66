import { formatByteSize } from './byte-size';
import type { CentralRecord } from './central-directory';
import { AES_ENCRYPTED, isReadableMethod, STORED, unreadableMethodProblem } from './compression-method';
import { decodeEntryName } from './entry-name';
import { normaliseEntryPath } from './entry-path';
import { LOCAL_HEADER_SIZE } from './local-header';
import { nestedArchiveProblem } from './nested-archive';
import { isSystemFilePath } from './system-files';
import type { ZipEntry } from './zip-entry';
import type { ZipLimits } from './zip-limits';

/** What the archive as a whole tells about its entries. */
export interface ArchiveLayout {
  readonly baseOffset: number;
  /** Entry data must end before this blob offset: where the central directory starts. */
  readonly dataEnd: number;
}

const ENCRYPTED_FLAG = 0x1;
const DOS_DIRECTORY_ATTRIBUTE = 0x10;
const UNIX_HOST = 3;
const UNIX_TYPE_MASK = 0o170000;
const UNIX_DIRECTORY = 0o040000;
const UNIX_SYMLINK = 0o120000;

export function entryFromRecord(record: CentralRecord, layout: ArchiveLayout, limits: ZipLimits): ZipEntry {
  const storedName = decodeEntryName(record.rawName, record.flags, record.extra);
  const { path, name, endsWithSlash } = normaliseEntryPath(storedName);
  const isDirectory = endsWithSlash || isDirectoryByAttributes(record);
  const entry = {
    path,
    name,
    storedName,
    isDirectory,
    isSystemFile: isSystemFilePath(path),
    compressedSize: record.compressedSize,
    uncompressedSize: record.uncompressedSize,
    method: record.method,
    crc32: record.crc32,
    localHeaderOffset: layout.baseOffset + record.localHeaderOffset,
  };
  const problem = isDirectory ? undefined : fileProblem(record, entry, layout, limits);
  return problem === undefined ? entry : { ...entry, problem };
}

function isDirectoryByAttributes(record: CentralRecord): boolean {
  const unixType = (record.externalAttributes >>> 16) & UNIX_TYPE_MASK;
  if (record.versionMadeBy >>> 8 === UNIX_HOST && unixType !== 0) return unixType === UNIX_DIRECTORY;
  return (record.externalAttributes & DOS_DIRECTORY_ATTRIBUTE) !== 0 && record.uncompressedSize === 0;
}

function isSymbolicLink(record: CentralRecord): boolean {
  return record.versionMadeBy >>> 8 === UNIX_HOST && ((record.externalAttributes >>> 16) & UNIX_TYPE_MASK) === UNIX_SYMLINK;
}

/** The first reason, if any, why this file entry cannot be read, checked cheapest and surest first. */
function fileProblem(record: CentralRecord, entry: Omit<ZipEntry, 'problem'>, layout: ArchiveLayout, limits: ZipLimits): string | undefined {
  if (entry.name === '') return 'its name has no file name left once made safe, so it is not read';
  const nested = nestedArchiveProblem(entry.name);
  if (nested !== undefined) return nested;
  if (record.flags & ENCRYPTED_FLAG || record.method === AES_ENCRYPTED) {
    return 'it is encrypted (password-protected), which the studio cannot read: unzip it with its password and drop the files, or a ZIP of them made without a password';
  }
  if (isSymbolicLink(record)) return 'it is a symbolic link, which is not followed';
  if (!isReadableMethod(record.method)) return unreadableMethodProblem(record.method);
  if (record.method === STORED && record.compressedSize !== record.uncompressedSize) {
    return `its sizes disagree (stored without compression, yet ${record.compressedSize} bytes hold ${record.uncompressedSize}): the entry is damaged`;
  }
  if (entry.localHeaderOffset + LOCAL_HEADER_SIZE + record.compressedSize > layout.dataEnd) {
    return 'its data would run past the end of the archive: the entry is damaged or the archive is cut short';
  }
  if (record.uncompressedSize > limits.maxEntryBytes) {
    return `it is ${formatByteSize(record.uncompressedSize)} uncompressed, more than the ${formatByteSize(limits.maxEntryBytes)} the studio reads from one file`;
  }
  return undefined;
}
