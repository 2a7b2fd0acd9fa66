import { describe, expect, it } from 'vitest';
import { buildTestZip } from '../src/core/zip/test-zip-writer';
import { DEFAULT_FEATURE_CONFIG } from '../src/core/features/feature-config';
import { FeatureExtractor } from '../src/core/features/feature-extractor';
import { DatasetProgressCounter } from './dataset-progress-counter';
import { CACHE_FULL_NOTICE } from './feature-cache/load-feature-cache';
import { MemoryFeatureCache } from './feature-cache/memory-feature-cache';
import { LocalFeaturiser } from './features/featuriser';
import { loadDataset } from './load-dataset';
import { toneWav as wav } from './testing/tone-wav';
import type { DatasetProgress } from './protocol';

const featuriser = new LocalFeaturiser(new FeatureExtractor(DEFAULT_FEATURE_CONFIG));

async function zipFile(name: string, entries: Parameters<typeof buildTestZip>[0]): Promise<File> {
  return new File([(await buildTestZip(entries)).slice()], name);
}

describe('loadDataset', () => {
  it('labels, decodes and featurises RAVDESS names and keeps skipped entries with their reasons', async () => {
    const file = await zipFile('ravdess.zip', [
      { name: 'Actor_01/03-01-05-01-01-01-01.wav', data: wav(0.6, 300) },
      { name: 'Actor_02/03-01-03-01-01-01-02.wav', data: wav(0.6, 500) },
      { name: 'Actor_02/copy.wav', data: wav(0.6, 500) },
      { name: 'readme.txt', data: 'hello' },
      { name: '__MACOSX/._x.wav', data: 'junk' },
      { name: 'inner.zip', data: 'PK' },
      { name: 'song.mp3', data: new Uint8Array([0xff, 0xfb, 0x90, 0x64, ...new Array(60).fill(0)]) },
    ]);
    const progress: DatasetProgress[] = [];
    const load = await loadDataset([file], featuriser, { onProgress: (p) => progress.push(p) });

    expect(load.report.labels.map(({ label, files }) => [label, files])).toEqual([
      ['anger', 1],
      ['happiness', 1],
    ]);
    expect(load.report.speakers.map(({ speaker }) => speaker)).toEqual(['ravdess:01', 'ravdess:02']);
    const skipped = Object.fromEntries(load.items.filter((item) => item.skipped).map((item) => [item.path, item.skipped?.kind]));
    expect(skipped).toEqual({
      'ravdess.zip/Actor_02/copy.wav': 'no-label',
      'ravdess.zip/readme.txt': 'not-audio',
      'ravdess.zip/inner.zip': 'undecodable',
      'ravdess.zip/song.mp3': 'undecodable',
    });
    expect(load.items.find((item) => item.path.endsWith('song.mp3'))?.skipped?.message).toMatch(/convert it to WAV or FLAC/);
    expect(load.items.some((item) => item.path.includes('__MACOSX'))).toBe(false);
    expect(load.report.duplicates).toHaveLength(1);
    expect(load.labelRules).toEqual([{ rule: 'RAVDESS name', files: 2, example: 'Actor_01/03-01-05-01-01-01-01.wav' }]);
    expect(load.features.get('ravdess.zip/Actor_01/03-01-05-01-01-01-01.wav')).toMatchObject({ bins: 40, frames: 182 });
    expect(load.progress).toMatchObject({ entriesTotal: 6, featurised: 3, skipped: 3 });
    expect(progress.length).toBeGreaterThan(0);
    expect(load.archives).toEqual([{ name: 'ravdess.zip', opened: true, audioFiles: 3, problems: [] }]);
  });

  it('gives a broken archive its own message and still loads the others, merged', async () => {
    const good = await zipFile('folders.zip', [
      { name: 'Train/Angry/a.wav', data: wav(0.6, 300) },
      { name: 'happy/b.wav', data: wav(0.6, 400), method: 8 },
    ]);
    const tess = await zipFile('tess.zip', [{ name: 'OAF_sad/OAF_back_sad.wav', data: wav(0.6, 600) }]);
    const notZip = new File(['just text, not an archive'], 'notes.zip');
    const textOnly = await zipFile('text.zip', [{ name: 'a.txt', data: 'a' }]);
    const load = await loadDataset([notZip, good, textOnly, tess], featuriser);

    expect(load.archives.map((archive) => [archive.name, archive.opened, archive.audioFiles])).toEqual([
      ['notes.zip', false, 0],
      ['folders.zip', true, 2],
      ['text.zip', true, 0],
      ['tess.zip', true, 1],
    ]);
    expect(load.archives[0].problems[0]).toMatch(/^notes\.zip was not loaded: .*\.$/);
    expect(load.archives[2].problems[0]).toMatch(/text\.zip holds no audio files/);
    expect(load.report.labels.map(({ label }) => label)).toEqual(['anger', 'happiness', 'sadness']);
    expect(load.labelRules.map(({ rule }) => rule).sort()).toEqual(['TESS name', 'emotion folder']);
  });

  it('refuses an archive whose entries claim more than the limit, before reading anything', async () => {
    const file = await zipFile('huge.zip', [
      { name: 'a.wav', data: wav(0.1), declaredSize: 3e9 },
      { name: 'b.wav', data: wav(0.1), declaredSize: 3e9 },
    ]);
    const load = await loadDataset([file], featuriser, { limits: { maxTotalBytes: 4e9, maxEntryBytes: 4e9 } });
    expect(load.archives[0]).toMatchObject({ opened: false });
    expect(load.archives[0].problems[0]).toMatch(/claim .* uncompressed/);
  });
});

describe('loadDataset with a feature cache', () => {
  const entries = () => [
    { name: 'Actor_01/03-01-05-01-01-01-01.wav', data: wav(0.6, 300) },
    { name: 'Actor_02/03-01-03-01-01-01-02.wav', data: wav(0.6, 500) },
    { name: 'readme.txt', data: 'hello' },
  ];

  it('computes each entry once: a second load takes everything from the cache and gives the same dataset', async () => {
    const cache = new MemoryFeatureCache();
    const first = await loadDataset([await zipFile('ravdess.zip', entries())], featuriser, { cache });
    expect(first.progress).toMatchObject({ read: 3, decoded: 2, fromCache: 0 });
    expect(await cache.size()).toMatchObject({ entries: 3 });
    expect((await cache.size()).bytes).toBeGreaterThan(2 * 40 * 182 * 4);

    // Renamed archive, same content: still hits, because the key is the content, not the path.
    const second = await loadDataset([await zipFile('renamed.zip', entries())], featuriser, { cache });
    expect(second.progress).toMatchObject({ entriesTotal: 3, read: 0, decoded: 0, featurised: 2, skipped: 1, fromCache: 3 });
    expect(second.report.labels).toEqual(first.report.labels);
    expect(second.items.map(({ path, ...rest }) => rest)).toEqual(first.items.map(({ path, ...rest }) => rest));
    expect(second.features.get('renamed.zip/Actor_01/03-01-05-01-01-01-01.wav')).toEqual(first.features.get('ravdess.zip/Actor_01/03-01-05-01-01-01-01.wav'));
    expect(second.cacheNotice).toBeNull();

    await cache.clear();
    const third = await loadDataset([await zipFile('ravdess.zip', entries())], featuriser, { cache });
    expect(third.progress).toMatchObject({ read: 3, fromCache: 0 });
  });

  it('still loads when the cache is full, and says the features were not kept', async () => {
    const cache = new MemoryFeatureCache();
    cache.failWrites = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const load = await loadDataset([await zipFile('ravdess.zip', entries())], featuriser, { cache });
    expect(load.report.labels.map(({ label }) => label)).toEqual(['anger', 'happiness']);
    expect(load.cacheNotice).toBe(CACHE_FULL_NOTICE);
    expect(await cache.size()).toEqual({ entries: 0, bytes: 0 });
  });
});

describe('DatasetProgressCounter', () => {
  it('reports at most every 100 ms and estimates the time left from the pace', () => {
    let now = 0;
    const reports: DatasetProgress[] = [];
    const counter = new DatasetProgressCounter((p) => reports.push(p), () => now);
    counter.addEntries(4);
    now = 50;
    counter.count('featurised');
    now = 2000;
    counter.count('skipped');
    expect(reports).toHaveLength(2);
    expect(reports[1]).toMatchObject({ entriesTotal: 4, featurised: 1, skipped: 1, etaSeconds: 2 });
  });
});
