import { describe, expect, it } from 'vitest';
import { openZip } from './open-zip';
import { buildTestZip, concat, le, type TestEntry, type TestZipOptions, unicodePathExtra } from './test-zip-writer';
import type { ZipArchive } from './zip-archive';
import type { ZipEntry } from './zip-entry';

const text = new TextDecoder();

async function open(entries: TestEntry[], options?: TestZipOptions, name = 'speech.zip'): Promise<ZipArchive> {
  return openZip(new Blob([(await buildTestZip(entries, options)) as Uint8Array<ArrayBuffer>]), name);
}

function entry(archive: ZipArchive, path: string): ZipEntry {
  const found = archive.entries.find((e) => e.path === path);
  if (found === undefined) throw new Error(`no entry ${path} in ${archive.entries.map((e) => e.path).join(', ')}`);
  return found;
}

/** Buffer.compare: vitest's deep equality takes seconds over arrays of 10^5 bytes. */
function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(Buffer.compare(actual, expected)).toBe(0);
}

/** Bytes that do not compress, like FLAC, and that do, like WAV's silence. */
function noise(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) bytes[i] = (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 24;
  return bytes;
}

describe('openZip lists entries and ZipArchive.read reads them', () => {
  it('reads stored and deflated entries byte for byte', async () => {
    const flac = noise(70_000);
    const wav = concat([noise(1000, 7), new Uint8Array(50_000)]);
    const archive = await open([
      { name: 'angry/a.flac', data: flac, method: 0 },
      { name: 'sad/b.wav', data: wav, method: 8 },
    ]);
    expect(archive.name).toBe('speech.zip');
    expect(archive.entries.map((e) => e.path)).toEqual(['angry/a.flac', 'sad/b.wav']);
    const [a, b] = archive.entries;
    expect(a).toMatchObject({ name: 'a.flac', isDirectory: false, isSystemFile: false, uncompressedSize: 70_000, compressedSize: 70_000 });
    expect(b.compressedSize).toBeLessThan(b.uncompressedSize);
    expect(a.problem).toBeUndefined();
    expectSameBytes(await archive.read(a), flac);
    expectSameBytes(await archive.read(b), wav);
  });

  it('reads entries in any order and several at once, small ones through the read-ahead window and large ones directly', async () => {
    const sizes = [300, 5 << 20, 70_000, 1, 2 << 20, 3 << 20, 900_000, 6 << 20];
    const datas = sizes.map((size, i) => noise(size, i + 1));
    const archive = await open(datas.map((data, i) => ({ name: `e${i}.flac`, data, method: i % 3 === 0 ? 8 : 0 })));
    const order = [3, 1, 7, 0, 5, 2, 6, 4];
    const read = await Promise.all(order.map((i) => archive.read(archive.entries[i])));
    order.forEach((i, k) => expectSameBytes(read[k], datas[i]));
  });

  it('reads an entry whose local header is longer than its first read guessed', async () => {
    const longExtra = concat([Uint8Array.of(0xfe, 0xca), le(2000, 2), noise(2000)]);
    const archive = await open([{ name: 'a.wav', data: 'first', extra: longExtra }, { name: 'b.wav', data: 'second', extra: longExtra }]);
    expect(text.decode(await archive.read(archive.entries[0]))).toBe('first');
    expect(text.decode(await archive.read(archive.entries[1]))).toBe('second');
  });

  it('lists folder entries as folders and reads them and empty files as no bytes', async () => {
    const archive = await open([
      { name: 'happy/' },
      { name: 'happy/empty.wav', method: 0 },
      { name: 'happy/empty-deflated.wav', method: 8 },
      { name: 'dos-folder', externalAttributes: 0x10, versionMadeBy: 0x0014 },
    ]);
    expect(entry(archive, 'happy')).toMatchObject({ isDirectory: true, name: 'happy', storedName: 'happy/' });
    expect(entry(archive, 'dos-folder').isDirectory).toBe(true);
    for (const e of archive.entries) expect((await archive.read(e)).length).toBe(0);
    expect(archive.entries.filter((e) => !e.isDirectory).every((e) => e.problem === undefined)).toBe(true);
  });

  it('opens an archive with no entries, and one with no audio: telling about audio is the caller’s part', async () => {
    expect((await open([])).entries).toEqual([]);
    const notes = await open([{ name: 'README.txt', data: 'hello' }]);
    expect(text.decode(await notes.read(notes.entries[0]))).toBe('hello');
  });

  it('reads a ZIP64 archive (sizes, offsets and end record in ZIP64 fields)', async () => {
    const data = noise(5000);
    const archive = await open([{ name: 'x/one.wav', data, method: 8 }, { name: 'x/two.flac', data, method: 0 }], { zip64: true });
    expect(archive.entries.map((e) => [e.path, e.uncompressedSize])).toEqual([['x/one.wav', 5000], ['x/two.flac', 5000]]);
    expectSameBytes(await archive.read(archive.entries[0]), data);
    expectSameBytes(await archive.read(archive.entries[1]), data);
  });

  it.each([false, true])('reads an archive with other data in front of it (a self-extractor), zip64 %s', async (zip64) => {
    const archive = await open([{ name: 'a.wav', data: 'RIFF....', method: 8 }], { prefix: noise(3000), zip64, comment: 'made by a test' });
    expect(text.decode(await archive.read(archive.entries[0]))).toBe('RIFF....');
  });
});

describe('entry names', () => {
  it('keeps spaces, unicode and HTML as plain text', async () => {
    const names = ['Wut & Ärger/Datei 01.wav', 'печаль/é 😀.wav', '<i>&amp;<i>/<img src=x onerror=alert(1)>.wav'];
    const archive = await open(names.map((name) => ({ name, data: 'x' })));
    expect(archive.entries.map((e) => e.path)).toEqual(names);
    expect(archive.entries[2].name).toBe('<img src=x onerror=alert(1)>.wav');
  });

  it('decodes a name without the UTF-8 flag as CP437, the format’s default', async () => {
    const cp437 = Uint8Array.from([0x47, 0x72, 0x81, 0xe1, 0x65, 0x2f, 0x8e, 0x2e, 0x77, 0x61, 0x76]); // "Grüße/Ä.wav"
    const archive = await open([{ name: cp437, data: 'x' }]);
    expect(archive.entries[0].path).toBe('Grüße/Ä.wav');
  });

  it('decodes UTF-8 stored without the flag (as macOS writes it) as UTF-8', async () => {
    const archive = await open([{ name: new TextEncoder().encode('fröhlich/ä.wav'), flags: 0, data: 'x' }]);
    expect(archive.entries[0].path).toBe('fröhlich/ä.wav');
  });

  it('prefers the Info-ZIP Unicode Path field (0x7075) when its CRC matches the stored name', async () => {
    const stored = Uint8Array.from([0x3f, 0x2e, 0x77, 0x61, 0x76]); // "?.wav", as a legacy tool wrote it
    const archive = await open([
      { name: stored, extra: unicodePathExtra(stored, 'ärger.wav'), data: 'x' },
      { name: Uint8Array.from([0x62, 0x2e, 0x77, 0x61, 0x76]), extra: unicodePathExtra(stored, 'stale.wav'), data: 'x' },
    ]);
    expect(archive.entries.map((e) => e.path)).toEqual(['ärger.wav', 'b.wav']);
  });

  it('composes decomposed (NFD) names, so macOS folder names match typed ones', async () => {
    const archive = await open([{ name: 'fro\u0308hlich/a.wav', data: 'x' }]);
    expect(archive.entries[0].path).toBe('fr\u00f6hlich/a.wav');
  });

  it('keeps every path inside the archive: `..`, absolute paths and drive letters', async () => {
    const archive = await open([
      { name: '../../etc/passwd.wav', data: '1' },
      { name: '/absolute/b.wav', data: '2' },
      { name: 'C:\\Users\\me\\c.wav', data: '3' },
      { name: 'a/./b/../d.wav', data: '4' },
      { name: 'ctrl\u0007name.wav', data: '5' },
    ]);
    expect(archive.entries.map((e) => e.path)).toEqual(['etc/passwd.wav', 'absolute/b.wav', 'Users/me/c.wav', 'a/d.wav', 'ctrl\ufffdname.wav']);
    expect(archive.entries[0].storedName).toBe('../../etc/passwd.wav');
    expect(text.decode(await archive.read(archive.entries[0]))).toBe('1');
  });

  it('lists an entry whose path repeats an earlier one with a problem', async () => {
    const archive = await open([{ name: 'x.wav', data: 'first' }, { name: '../x.wav', data: 'second' }]);
    expect(archive.entries[1].problem).toBe('another entry of the archive has the same path, and only the first one is read');
    await expect(archive.read(archive.entries[1])).rejects.toThrow('speech.zip: x.wav: another entry');
  });

  it('gives a name with nothing left once made safe a problem', async () => {
    const archive = await open([{ name: '..', data: 'x' }]);
    expect(archive.entries[0].problem).toMatch(/no file name left/);
  });
});

describe('system files and entries that are not read', () => {
  it('marks __MACOSX, .DS_Store, Thumbs.db, desktop.ini and AppleDouble files as system files', async () => {
    const system = ['__MACOSX/', '__MACOSX/angry/._a.wav', 'angry/.DS_Store', 'Thumbs.db', 'sad/THUMBS.DB', 'desktop.ini', 'angry/._b.wav'];
    const archive = await open([...system, 'angry/a.wav'].map((name) => ({ name, data: name.endsWith('/') ? undefined : 'x' })));
    expect(archive.entries.filter((e) => e.isSystemFile).map((e) => e.storedName)).toEqual(system);
    expect(entry(archive, 'angry/a.wav').isSystemFile).toBe(false);
  });

  it('lists a ZIP inside the ZIP with a problem, and reading it says so', async () => {
    const archive = await open([{ name: 'more/inner.ZIP', data: 'PK\u0005\u0006' }, { name: 'more/old.rar', data: 'Rar!' }]);
    expect(archive.entries[0].problem).toBe('a ZIP inside the ZIP is not opened: unzip it and drop its contents, or drop it as its own file');
    expect(archive.entries[1].problem).toBe('a RAR archive inside the ZIP is not opened: extract it and drop its contents');
    await expect(archive.read(archive.entries[0])).rejects.toMatchObject({
      kind: 'unsupported',
      entryPath: 'more/inner.ZIP',
      message: 'speech.zip: more/inner.ZIP: a ZIP inside the ZIP is not opened: unzip it and drop its contents, or drop it as its own file',
    });
  });

  it.each([
    [12, 'bzip2 (method 12)'],
    [14, 'LZMA (method 14)'],
    [93, 'Zstandard (method 93)'],
    [9, 'Deflate64 (method 9)'],
    [77, 'an unknown compression method (77)'],
  ])('lists an entry compressed with method %i with a problem naming it', async (method, named) => {
    const archive = await open([{ name: 'a.wav', data: 'x', method }]);
    expect(archive.entries[0].problem).toBe(`it is compressed with ${named}, which the studio cannot unpack: make the ZIP again with ordinary compression (Deflate) or none (Store)`);
  });

  it.each([
    ['ZipCrypto (flag bit 0)', { flags: 0x1 }],
    ['AES (method 99)', { method: 99 }],
  ])('lists an encrypted entry, %s, with a problem', async (_, fields) => {
    const archive = await open([{ name: 'a.wav', data: 'x', ...fields }]);
    expect(archive.entries[0].problem).toMatch(/^it is encrypted \(password-protected\), which the studio cannot read/);
  });

  it('lists a symbolic link with a problem instead of following it', async () => {
    const archive = await open([{ name: 'link.wav', data: '/etc/passwd', externalAttributes: (0o120777 << 16) >>> 0, versionMadeBy: 0x031e }]);
    expect(archive.entries[0].problem).toBe('it is a symbolic link, which is not followed');
  });
});
