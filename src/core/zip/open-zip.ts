import { readBlobBytes } from './blob-bytes';
import { formatByteSize } from './byte-size';
import { parseCentralDirectory } from './central-directory';
import { locateCentralDirectory, MISSING_END_REASON } from './central-directory-location';
import { type ArchiveLayout, entryFromRecord } from './entry-from-record';
import { describeForeignFormat, FOREIGN_FORMAT_HEAD_SIZE, notZipReason } from './foreign-format';
import { markRepeatedPaths } from './repeated-paths';
import { ZipArchive } from './zip-archive';
import type { ZipEntry } from './zip-entry';
import { ZipError } from './zip-error';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-limits';

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
const SPLIT_ARCHIVE_MAGIC = [0x50, 0x4b, 0x07, 0x08];

/**
 * Opens a ZIP held in a Blob (in a page or worker, a dropped File) by random access: it reads the
 * archive's tail and central directory and lists the entries; entry data is read only by
 * `ZipArchive.read`. Refuses, before reading any entry, an archive whose entries claim more than
 * `limits.maxTotalBytes` in total. Every failure is a ZipError whose message names the archive.
 */
export async function openZip(source: Blob, archiveName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
  if (source.size === 0) throw new ZipError(archiveName, 'the file is empty (0 bytes), so it is not a ZIP archive', 'not-zip');
  const head = await readBlobBytes(source, 0, FOREIGN_FORMAT_HEAD_SIZE, archiveName);
  if (startsWith(head, SPLIT_ARCHIVE_MAGIC)) {
    throw new ZipError(archiveName, 'it is the first part of a split (multi-part) ZIP, which the studio cannot read: join the parts into one ZIP, or unzip them and drop the files', 'unsupported');
  }
  try {
    const archive = await listArchive(source, archiveName, limits);
    refuseOversizedClaims(archive.entries, archiveName, limits);
    return archive;
  } catch (error) {
    throw asNotZipWhenForeign(error, head, archiveName);
  }
}

async function listArchive(source: Blob, archiveName: string, limits: ZipLimits): Promise<ZipArchive> {
  const location = await locateCentralDirectory(source, archiveName);
  const directory = await readBlobBytes(source, location.offset, location.offset + location.size, archiveName);
  const layout: ArchiveLayout = { baseOffset: location.baseOffset, dataEnd: location.offset };
  const entries = parseCentralDirectory(directory, archiveName).map((record) => entryFromRecord(record, layout, limits));
  return new ZipArchive(source, archiveName, markRepeatedPaths(entries), layout);
}

function refuseOversizedClaims(entries: readonly ZipEntry[], archiveName: string, limits: ZipLimits): void {
  const claimed = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (claimed <= limits.maxTotalBytes) return;
  throw new ZipError(
    archiveName,
    `its entries claim ${formatByteSize(claimed)} uncompressed in total, more than the ${formatByteSize(limits.maxTotalBytes)} the studio reads from one archive, so nothing was read: split the data into smaller ZIPs`,
    'too-large',
  );
}

/** A damaged structure in a file that does not start like a ZIP means it was never a ZIP. */
function asNotZipWhenForeign(error: unknown, head: Uint8Array, archiveName: string): unknown {
  if (!(error instanceof ZipError) || error.kind !== 'corrupt' || startsWith(head, ZIP_MAGIC)) return error;
  if (describeForeignFormat(head) === undefined && error.reason !== MISSING_END_REASON) return error;
  return new ZipError(archiveName, notZipReason(head), 'not-zip');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}
