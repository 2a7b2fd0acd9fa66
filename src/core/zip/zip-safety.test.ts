import { openAsBlob } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openZip } from './open-zip';
import { buildTestZip, concat, deflateRaw, le, type TestEntry, type TestZipOptions } from './test-zip-writer';
import type { ZipArchive } from './zip-archive';
import { ZipError } from './zip-error';
import type { ZipLimits } from './zip-limits';

const encoder = new TextEncoder();

function blob(bytes: Uint8Array): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]);
}

async function zipBytes(entries: TestEntry[], options?: TestZipOptions): Promise<Uint8Array> {
  return buildTestZip(entries, options);
}

async function open(entries: TestEntry[], limits?: ZipLimits): Promise<ZipArchive> {
  return openZip(blob(await zipBytes(entries)), 'speech.zip', limits);
}

/** The ZipError openZip throws for these bytes. */
async function openError(bytes: Uint8Array, name = 'speech.zip'): Promise<ZipError> {
  const error: unknown = await openZip(blob(bytes), name).then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ZipError)) throw new Error(`expected a ZipError, got ${String(error)}`);
  return error;
}

async function readError(archive: ZipArchive, index = 0): Promise<ZipError> {
  const error: unknown = await archive.read(archive.entries[index]).then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ZipError)) throw new Error(`expected a ZipError, got ${String(error)}`);
  return error;
}

/** Offset of the central directory's first record, where a test damages it. */
function centralDirectoryOffset(zip: Uint8Array): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  return view.getUint32(zip.length - 22 + 16, true);
}

const TWO_FILES: TestEntry[] = [
  { name: 'angry/a.wav', data: 'a'.repeat(300), method: 8 },
  { name: 'sad/b.wav', data: 'b'.repeat(300), method: 0 },
];

describe('a file that is not a ZIP says so, and what it looks like', () => {
  const wavHeader = concat([encoder.encode('RIFF'), le(36, 4), encoder.encode('WAVEfmt '), new Uint8Array(40)]);
  const tarHeader = concat([new Uint8Array(257), encoder.encode('ustar\u000000'), new Uint8Array(250)]);
  it.each([
    ['a RAR archive', concat([Uint8Array.of(0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00), new Uint8Array(100)]), true],
    ['a 7-Zip archive', concat([Uint8Array.of(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c), new Uint8Array(100)]), true],
    ['a gzip-compressed file (such as .tar.gz)', concat([Uint8Array.of(0x1f, 0x8b, 0x08), new Uint8Array(100)]), true],
    ['a tar archive', tarHeader, true],
    ['a WAV audio file', wavHeader, false],
    ['a web page (HTML), perhaps saved by a download that failed', encoder.encode('<!DOCTYPE html><html><body>Not found</body></html>'), false],
  ])('%s', async (looksLike, bytes, isArchive) => {
    const error = await openError(bytes, 'emotions.zip');
    expect(error.kind).toBe('not-zip');
    const advice = isArchive ? '. Extract it with an archive tool and drop the files, or a ZIP of them' : '';
    expect(error.message).toBe(`emotions.zip: it is not a ZIP archive: it looks like ${looksLike}${advice}`);
  });

  it('says plainly when the bytes look like nothing it knows', async () => {
    const error = await openError(encoder.encode('just some notes, renamed to .zip\n'.repeat(20)), 'notes.zip');
    expect(error).toMatchObject({ kind: 'not-zip', message: 'notes.zip: it is not a ZIP archive: no ZIP structure was found in it' });
  });

  it('says an empty file is empty', async () => {
    expect((await openError(new Uint8Array(0))).message).toBe('speech.zip: the file is empty (0 bytes), so it is not a ZIP archive');
  });
});

describe('a damaged ZIP is refused with the reason', () => {
  it('cut short, so its end record is missing', async () => {
    const zip = await zipBytes(TWO_FILES);
    const error = await openError(zip.subarray(0, Math.floor(zip.length / 2)));
    expect(error.kind).toBe('corrupt');
    expect(error.message).toBe('speech.zip: its end record (the table of contents) is missing: the file is cut short or damaged. Was the download or copy incomplete?');
  });

  it('with bytes missing from its central directory', async () => {
    const zip = await zipBytes(TWO_FILES);
    const cd = centralDirectoryOffset(zip);
    const error = await openError(concat([zip.subarray(0, cd + 20), zip.subarray(cd + 40)]));
    expect(error).toMatchObject({ kind: 'corrupt', message: 'speech.zip: its table of contents (central directory) is cut short or damaged: the archive is corrupt' });
  });

  it('with a bad signature in its central directory', async () => {
    const zip = await zipBytes(TWO_FILES);
    const cd = centralDirectoryOffset(zip);
    const secondRecord = cd + 46 + 'angry/a.wav'.length;
    zip[secondRecord] = 0x51;
    const error = await openError(zip);
    expect(error.message).toBe('speech.zip: its table of contents (central directory) is damaged after 1 good entry: the archive is corrupt');
  });

  it('with a bad local header signature: only that entry fails', async () => {
    const zip = await zipBytes(TWO_FILES);
    zip[0] = 0;
    const archive = await openZip(blob(zip), 'speech.zip');
    expect(await readError(archive)).toMatchObject({ kind: 'corrupt', entryPath: 'angry/a.wav', message: 'speech.zip: angry/a.wav: its local header is missing or damaged: the entry is corrupt' });
    expect((await archive.read(archive.entries[1])).length).toBe(300);
  });

  it('with data that does not match its CRC-32', async () => {
    const archive = await open([{ name: 'a.wav', data: 'abc', crc32: 0x12345678 }]);
    expect((await readError(archive)).message).toBe('speech.zip: a.wav: its data does not match its checksum (CRC-32): the entry is corrupt');
  });

  it('with damaged deflate data', async () => {
    const zip = await zipBytes([{ name: 'a.wav', data: 'abcabcabc'.repeat(100), method: 8 }]);
    const dataStart = 30 + 'a.wav'.length;
    zip.fill(0xff, dataStart, dataStart + 4);
    expect((await readError(await openZip(blob(zip), 'speech.zip'))).reason).toBe('its compressed data is damaged and cannot be inflated: the archive is corrupt');
  });

  it('with an entry whose sizes disagree, or whose data lies past the end of the archive', async () => {
    const archive = await open([{ name: 'a.wav', data: 'abc', declaredSize: 5 }]);
    expect(archive.entries[0].problem).toBe('its sizes disagree (stored without compression, yet 3 bytes hold 5): the entry is damaged');
    const zip = await zipBytes([{ name: 'b.wav', data: 'abc' }]);
    new DataView(zip.buffer).setUint32(centralDirectoryOffset(zip) + 42, 1000, true);
    expect((await openZip(blob(zip), 'x.zip')).entries[0].problem).toMatch(/^its data would run past the end of the archive/);
  });

  it('that is one part of a split archive', async () => {
    const first = concat([Uint8Array.of(0x50, 0x4b, 0x07, 0x08), await zipBytes(TWO_FILES)]);
    expect((await openError(first)).message).toMatch(/^speech.zip: it is the first part of a split \(multi-part\) ZIP/);
    const last = await zipBytes(TWO_FILES);
    new DataView(last.buffer).setUint16(last.length - 22 + 4, 2, true);
    expect(await openError(last)).toMatchObject({ kind: 'unsupported', reason: expect.stringMatching(/^it is one part of a split/) });
  });
});

describe('zip-bomb and size guards', () => {
  it('refuses an archive whose entries claim more than the limit in total, naming the claim', async () => {
    const error: unknown = await open(
      [{ name: 'a.wav', data: 'x'.repeat(600) }, { name: 'b.wav', data: 'y'.repeat(700) }],
      { maxTotalBytes: 1000, maxEntryBytes: 1000 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZipError);
    expect((error as ZipError).message).toBe(
      'speech.zip: its entries claim 1.3 kB uncompressed in total, more than the 1 kB the studio reads from one archive, so nothing was read: split the data into smaller ZIPs',
    );
  });

  it('refuses a ZIP64 archive that claims 5 GB with the default 4 GB limit', async () => {
    const zip = await zipBytes([{ name: 'a.wav', data: 'x', method: 8, declaredSize: 5e9 }], { zip64: true });
    expect(await openError(zip)).toMatchObject({ kind: 'too-large', reason: expect.stringMatching(/^its entries claim 5 GB uncompressed in total, more than the 4 GB/) });
  });

  it('lists an entry larger than the one-entry limit with a problem', async () => {
    const archive = await open([{ name: 'a.wav', data: 'x'.repeat(2000) }], { maxTotalBytes: 1e6, maxEntryBytes: 1500 });
    expect(archive.entries[0].problem).toBe('it is 2 kB uncompressed, more than the 1.5 kB the studio reads from one file');
  });

  it('stops inflating at the declared size when the data holds more (a zip bomb)', async () => {
    const bomb = new Uint8Array(64 << 20);
    const archive = await open([{ name: 'bomb.wav', data: bomb, method: 8, declaredSize: 1000 }]);
    expect(archive.entries[0].compressedSize).toBeLessThan(100_000);
    const started = performance.now();
    expect(await readError(archive)).toMatchObject({
      kind: 'corrupt',
      reason: 'it inflates to more than the 1000 bytes it declares, so reading stopped there: the archive is damaged or built to exhaust memory (a zip bomb)',
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('says when the data inflates to less than declared', async () => {
    const archive = await open([{ name: 'short.wav', data: 'abc', method: 8, declaredSize: 10 }]);
    expect((await readError(archive)).reason).toBe('it inflates to 3 bytes, fewer than the 10 it declares: the entry is damaged');
  });
});

describe('a dropped file that changes under the reader', () => {
  it('says the file could no longer be read when it is deleted after opening', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ser-zip-'));
    const path = join(dir, 'gone.zip');
    try {
      await writeFile(path, await zipBytes(TWO_FILES));
      const archive = await openZip(await openAsBlob(path), 'gone.zip');
      await rm(path);
      for (const index of [0, 1]) {
        expect(await readError(archive, index)).toMatchObject({
          kind: 'unreadable',
          entryPath: undefined,
          message: 'gone.zip: the file could no longer be read: was it moved, changed or deleted after it was dropped?',
        });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

it('deflateRaw in the test writer really deflates (so the bomb test is a bomb)', async () => {
  expect((await deflateRaw(new Uint8Array(1 << 20))).length).toBeLessThan(2000);
});
