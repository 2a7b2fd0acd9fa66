import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openZip } from './open-zip';
import { writeStoredZip } from './zip-writer';

const text = (value: string) => new TextEncoder().encode(value);

function pseudoRandomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0, state = 7; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

const entries = [
  { path: 'model.json', data: text('{"format":"layers-model"}') },
  { path: 'weights.bin', data: pseudoRandomBytes(70_001) },
  { path: 'folder/émotions.txt', data: text('colère') },
  { path: 'empty.txt', data: new Uint8Array(0) },
];

describe('writeStoredZip', () => {
  it('writes an archive our reader opens, with every entry stored and checked by its CRC-32', async () => {
    const archive = await openZip(new Blob([writeStoredZip(entries) as Uint8Array<ArrayBuffer>]), 'written.zip');
    expect(archive.entries.map((entry) => [entry.path, entry.method, entry.uncompressedSize])).toEqual(
      entries.map((entry) => [entry.path, 0, entry.data.length]),
    );
    for (const [index, entry] of archive.entries.entries()) {
      expect(Array.from(await archive.read(entry))).toEqual(Array.from(entries[index].data));
    }
  });

  it('writes an archive another reader (JSZip) opens with the same names and bytes', async () => {
    const zip = await JSZip.loadAsync(writeStoredZip(entries));
    for (const entry of entries) {
      const file = zip.file(entry.path);
      expect(file, entry.path).not.toBeNull();
      expect(Array.from(await file!.async('uint8array'))).toEqual(Array.from(entry.data));
    }
  });

  it('gives the same bytes for the same entries (no clock in the archive)', () => {
    expect(writeStoredZip(entries)).toEqual(writeStoredZip(entries));
  });

  it('writes an empty archive as just the end record', async () => {
    const bytes = writeStoredZip([]);
    expect(bytes.length).toBe(22);
    expect((await openZip(new Blob([bytes as Uint8Array<ArrayBuffer>]), 'empty.zip')).entries).toEqual([]);
  });

  it('refuses a path twice, an absolute path and a path that climbs out', () => {
    expect(() => writeStoredZip([entries[0], entries[0]])).toThrow(/appears twice/);
    expect(() => writeStoredZip([{ path: '/etc/passwd', data: text('x') }])).toThrow(/not a relative path/);
    expect(() => writeStoredZip([{ path: 'a/../../b', data: text('x') }])).toThrow(/not a relative path/);
    expect(() => writeStoredZip([{ path: '', data: text('x') }])).toThrow(/not a relative path/);
  });
});
