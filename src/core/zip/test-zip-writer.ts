import { concatBytes as concat } from './concat-bytes';
// A small ZIP writer for the tests: it builds valid archives and, on request, precisely broken ones.
import { crc32 } from './crc32';

export interface TestEntry {
  /** A string is written as UTF-8 (with flag bit 11 if not ASCII); bytes are written as they are. */
  readonly name: string | Uint8Array;
  readonly data?: Uint8Array | string;
  /** 0 stores, 8 deflates; any other method stores the data as is under that method's number. */
  readonly method?: number;
  readonly flags?: number;
  /** Overrides the uncompressed size written in both headers. */
  readonly declaredSize?: number;
  readonly crc32?: number;
  readonly extra?: Uint8Array;
  readonly versionMadeBy?: number;
  readonly externalAttributes?: number;
}

export interface TestZipOptions {
  /** ZIP64 sizes, offsets, end record and locator for every entry, as `zip -fz` writes them. */
  readonly zip64?: boolean;
  /** Bytes before the archive, as a self-extractor stub puts there. */
  readonly prefix?: Uint8Array;
  readonly comment?: string;
}

const encoder = new TextEncoder();

export function extraField(id: number, data: Uint8Array): Uint8Array {
  return concat([le(id, 2), le(data.length, 2), data]);
}

/** Info-ZIP's Unicode Path field: version 1, the CRC of the stored name, the UTF-8 name. */
export function unicodePathExtra(storedName: Uint8Array, name: string, nameCrc = crc32(storedName)): Uint8Array {
  return extraField(0x7075, concat([Uint8Array.of(1), le(nameCrc, 4), encoder.encode(name)]));
}

export async function buildTestZip(entries: readonly TestEntry[], options: TestZipOptions = {}): Promise<Uint8Array> {
  const prefix = options.prefix ?? new Uint8Array(0);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const packed = await packEntry(entry);
    const local = localRecord(packed, options.zip64 === true);
    centrals.push(centralRecord(packed, offset, options.zip64 === true));
    locals.push(local);
    offset += local.length;
  }
  const directory = concat(centrals);
  const end = endRecords(entries.length, directory.length, offset, options);
  return concat([prefix, ...locals, directory, end]);
}

interface PackedEntry {
  readonly entry: TestEntry;
  readonly name: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly data: Uint8Array;
}

async function packEntry(entry: TestEntry): Promise<PackedEntry> {
  const plain = typeof entry.data === 'string' ? encoder.encode(entry.data) : (entry.data ?? new Uint8Array(0));
  const name = typeof entry.name === 'string' ? encoder.encode(entry.name) : entry.name;
  const isUnicode = typeof entry.name === 'string' && /[^\x00-\x7f]/.test(entry.name);
  const method = entry.method ?? 0;
  return {
    entry,
    name,
    flags: entry.flags ?? (isUnicode ? 0x800 : 0),
    method,
    crc: entry.crc32 ?? crc32(plain),
    size: entry.declaredSize ?? plain.length,
    data: method === 8 ? await deflateRaw(plain) : plain,
  };
}

function localRecord(packed: PackedEntry, zip64: boolean): Uint8Array {
  const sizes = zip64 ? [le(0xffffffff, 4), le(0xffffffff, 4)] : [le(packed.data.length, 4), le(packed.size, 4)];
  const zip64Extra = zip64 ? extraField(0x0001, concat([le(packed.size, 8), le(packed.data.length, 8)])) : new Uint8Array(0);
  const extra = concat([zip64Extra, packed.entry.extra ?? new Uint8Array(0)]);
  const header = [le(0x04034b50, 4), le(zip64 ? 45 : 20, 2), le(packed.flags, 2), le(packed.method, 2), le(0, 4), le(packed.crc, 4)];
  return concat([...header, ...sizes, le(packed.name.length, 2), le(extra.length, 2), packed.name, extra, packed.data]);
}

function centralRecord(packed: PackedEntry, offset: number, zip64: boolean): Uint8Array {
  const { entry } = packed;
  const stated = zip64 ? [0xffffffff, 0xffffffff, 0xffffffff] : [packed.data.length, packed.size, offset];
  const zip64Extra = zip64 ? extraField(0x0001, concat([le(packed.size, 8), le(packed.data.length, 8), le(offset, 8)])) : new Uint8Array(0);
  const extra = concat([zip64Extra, entry.extra ?? new Uint8Array(0)]);
  return concat([
    le(0x02014b50, 4), le(entry.versionMadeBy ?? 0x031e, 2), le(zip64 ? 45 : 20, 2), le(packed.flags, 2), le(packed.method, 2),
    le(0, 4), le(packed.crc, 4), le(stated[0], 4), le(stated[1], 4),
    le(packed.name.length, 2), le(extra.length, 2), le(0, 2), le(0, 2), le(0, 2), le(entry.externalAttributes ?? 0, 4), le(stated[2], 4),
    packed.name, extra,
  ]);
}

function endRecords(count: number, directorySize: number, directoryOffset: number, options: TestZipOptions): Uint8Array {
  const comment = encoder.encode(options.comment ?? '');
  const zip64 = options.zip64 === true;
  const classic = concat([
    le(0x06054b50, 4), le(0, 2), le(0, 2), le(zip64 ? 0xffff : count, 2), le(zip64 ? 0xffff : count, 2),
    le(zip64 ? 0xffffffff : directorySize, 4), le(zip64 ? 0xffffffff : directoryOffset, 4), le(comment.length, 2), comment,
  ]);
  if (!zip64) return classic;
  const recordOffset = directoryOffset + directorySize;
  const record = concat([
    le(0x06064b50, 4), le(44, 8), le(45, 2), le(45, 2), le(0, 4), le(0, 4),
    le(count, 8), le(count, 8), le(directorySize, 8), le(directoryOffset, 8),
  ]);
  const locator = concat([le(0x07064b50, 4), le(0, 4), le(recordOffset, 8), le(1, 4)]);
  return concat([record, locator, classic]);
}

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `value` as `size` little-endian bytes (up to 8; exact to 2^53). */
export function le(value: number, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0, rest = value; i < size; i++, rest = Math.floor(rest / 256)) bytes[i] = rest % 256;
  return bytes;
}

export { concat };
