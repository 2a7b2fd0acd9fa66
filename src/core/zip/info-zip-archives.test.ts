// Archives written by a real tool, Info-ZIP's zip 3.0, as a check on the in-test writer:
//   zip -X -fz -r info-zip-fz.zip src     (ZIP64 records, a UTF-8 name with a Unicode Path field, an empty file)
//   printf 'streamed %.0s' {1..100} | zip -X -fz info-zip-streamed.zip -     (streamed: a data descriptor)
import { openAsBlob } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openZip } from './open-zip';

async function openFixture(name: string) {
  return openZip(await openAsBlob(new URL(`./__fixtures__/${name}`, import.meta.url)), name);
}

describe('archives written by Info-ZIP', () => {
  it('reads a `zip -fz` (forced ZIP64) archive with a unicode folder name and an empty file', async () => {
    const archive = await openFixture('info-zip-fz.zip');
    const files = archive.entries.filter((e) => !e.isDirectory);
    expect(files.map((e) => [e.path, e.uncompressedSize])).toEqual([
      ['src/sad/b.flac', 3000],
      ['src/sad/empty.wav', 0],
      ['src/wütend ordner/a 1.wav', 2800],
    ]);
    expect(archive.entries.filter((e) => e.isDirectory).map((e) => e.path).sort()).toEqual(['src', 'src/sad', 'src/wütend ordner']);
    const wav = new TextDecoder().decode(await archive.read(files[2]));
    expect(wav).toBe('RIFF fake wav '.repeat(200));
    expect((await archive.read(files[0])).length).toBe(3000);
    expect((await archive.read(files[1])).length).toBe(0);
  });

  it('reads a streamed entry, whose sizes follow its data in a data descriptor', async () => {
    const archive = await openFixture('info-zip-streamed.zip');
    expect(archive.entries).toHaveLength(1);
    expect(new TextDecoder().decode(await archive.read(archive.entries[0]))).toBe('streamed '.repeat(100));
  });
});
