import { describe, expect, it } from 'vitest';
import { audioFingerprint, fnv1a64 } from './audio-fingerprint';
import { datasetItem, type DatasetItem } from './dataset-item';
import { buildDatasetReport } from './dataset-report';
import { findDuplicateGroups } from './duplicate-groups';
import { labelFile } from './label-file';
import { mergeLabels } from './label-mapping';
import { mergeDatasets } from './merge-datasets';

function item(path: string, label: string | null, speaker: string | null, durationSeconds: number | null, fingerprint: string | null = null): DatasetItem {
  return { path, label, speaker, durationSeconds, fingerprint };
}

describe('buildDatasetReport', () => {
  const items: DatasetItem[] = [
    item('Actor_01/a.wav', 'anger', 'ravdess:01', 3, 'f1'),
    item('Actor_01/b.wav', 'anger', 'ravdess:01', 3.5, 'f1'),
    item('Actor_01/c.wav', 'calm', 'ravdess:01', 3),
    item('Actor_02/d.wav', 'sadness', 'ravdess:02', 4),
    item('Actor_10/e.wav', 'sadness', 'ravdess:10', 2),
    item('loose/f.wav', 'sadness', null, 1, 'f2'),
    item('loose/g.wav', 'neutral', null, 0.1, 'f2'),
    item('loose/h.wav', null, null, 2),
    { ...item('loose/i.wav', null, null, null), skipped: { kind: 'undecodable', message: 'i.wav: unknown format.' } },
  ];

  it('counts files and seconds per label and per speaker, with label × speaker counts', () => {
    const report = buildDatasetReport(items, { minDurationSeconds: 0.5 });
    expect(report.total).toEqual({ files: 5, seconds: 13.5 });
    expect(report.labels).toEqual([
      { label: 'anger', files: 2, seconds: 6.5 },
      { label: 'sadness', files: 3, seconds: 7 },
    ]);
    expect(report.speakers).toEqual([
      { speaker: 'ravdess:01', files: 2, seconds: 6.5, filesByLabel: { anger: 2 } },
      { speaker: 'ravdess:02', files: 1, seconds: 4, filesByLabel: { sadness: 1 } },
      { speaker: 'ravdess:10', files: 1, seconds: 2, filesByLabel: { sadness: 1 } },
      { speaker: null, files: 1, seconds: 1, filesByLabel: { sadness: 1 } },
    ]);
  });

  it('lists skipped files with reasons, the labels before mapping and the mapping', () => {
    const report = buildDatasetReport(items, { minDurationSeconds: 0.5 });
    expect(report.skipped.map(({ path, reason }) => [path, reason.kind])).toEqual([
      ['Actor_01/c.wav', 'dropped-label'],
      ['loose/g.wav', 'too-short'],
      ['loose/h.wav', 'no-label'],
      ['loose/i.wav', 'undecodable'],
    ]);
    expect(report.sourceLabels.map(({ label, files }) => [label, files])).toEqual([
      ['anger', 2],
      ['neutral', 1],
      ['sadness', 3],
      ['calm', 1],
    ]);
    expect(report.withoutThesisClass).toEqual(['calm']);
    expect(report.mapping.get('calm')).toBeNull();
    expect(report.minDurationSeconds).toBe(0.5);
  });

  it('uses the mapping and the minimum it is given', () => {
    const mapping = mergeLabels(buildDatasetReport(items).mapping, ['calm'], 'neutral');
    const report = buildDatasetReport(items, { mapping, minDurationSeconds: 0 });
    expect(report.labels.map(({ label, files }) => [label, files])).toEqual([
      ['anger', 2],
      ['neutral', 2],
      ['sadness', 3],
    ]);
    expect(report.skipped.map(({ path }) => path)).toEqual(['loose/h.wav', 'loose/i.wav']);
  });

  it('groups exact duplicates, showing when their labels disagree', () => {
    expect(buildDatasetReport(items).duplicates).toEqual([
      { fingerprint: 'f1', paths: ['Actor_01/a.wav', 'Actor_01/b.wav'], labels: ['anger'], speakers: ['ravdess:01'] },
      { fingerprint: 'f2', paths: ['loose/f.wav', 'loose/g.wav'], labels: ['neutral', 'sadness'], speakers: [] },
    ]);
  });

  it('reports an empty dataset as empty', () => {
    const report = buildDatasetReport([]);
    expect(report.total).toEqual({ files: 0, seconds: 0 });
    expect([report.labels, report.speakers, report.skipped, report.duplicates]).toEqual([[], [], [], []]);
  });
});

describe('datasetItem', () => {
  it('joins a labelling and the audio facts', () => {
    expect(datasetItem('Actor_01/03-01-05-01-01-01-01.wav', labelFile('Actor_01/03-01-05-01-01-01-01.wav'), { durationSeconds: 3.2, fingerprint: 'x' })).toEqual(
      item('Actor_01/03-01-05-01-01-01-01.wav', 'anger', 'ravdess:01', 3.2, 'x'),
    );
  });

  it('keeps the reason a file is skipped: the audio first, then the label', () => {
    const undecodable = { kind: 'undecodable', message: 'x.wav: truncated.' } as const;
    expect(datasetItem('x.wav', labelFile('x.wav'), undecodable).skipped).toEqual(undecodable);
    expect(datasetItem('angry/x.wav', labelFile('angry/x.wav'), undecodable)).toMatchObject({ label: 'anger', skipped: undecodable });
    expect(datasetItem('x.wav', labelFile('x.wav'), { durationSeconds: 1, fingerprint: 'y' }).skipped).toEqual({
      kind: 'no-label',
      message: 'no label: the name follows no known convention, and no folder names an emotion.',
    });
  });
});

describe('mergeDatasets', () => {
  it('prefixes paths with unique dataset names and keeps speakers, so shared recordings show as duplicates', () => {
    const one = [item('Actor_01/a.wav', 'anger', 'ravdess:01', 3, 'same')];
    const two = [item('Actor_01/a.wav', 'anger', 'ravdess:01', 3, 'same')];
    const merged = mergeDatasets([
      { name: 'ravdess.zip', items: one },
      { name: 'ravdess.zip', items: two },
      { name: 'ravdess.zip (2)', items: one },
    ]);
    expect(merged.map((entry) => entry.path)).toEqual([
      'ravdess.zip/Actor_01/a.wav',
      'ravdess.zip (2)/Actor_01/a.wav',
      'ravdess.zip (2) (2)/Actor_01/a.wav',
    ]);
    expect(new Set(merged.map((entry) => entry.speaker))).toEqual(new Set(['ravdess:01']));
    expect(findDuplicateGroups(merged)[0].paths).toHaveLength(3);
  });
});

describe('audioFingerprint', () => {
  it('is 64-bit FNV-1a (published test vectors)', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(fnv1a64(bytes(''))).toBe('cbf29ce484222325');
    expect(fnv1a64(bytes('a'))).toBe('af63dc4c8601ec8c');
    expect(fnv1a64(bytes('foobar'))).toBe('85944171f73967e8');
  });

  it('is equal for equal samples, also from a view into a larger buffer, and differs otherwise', () => {
    const samples = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 10));
    const copy = new Float32Array(samples);
    const padded = new Float32Array(1010);
    padded.set(samples, 5);
    expect(audioFingerprint(copy)).toBe(audioFingerprint(samples));
    expect(audioFingerprint(padded.subarray(5, 1005))).toBe(audioFingerprint(samples));
    const changed = new Float32Array(samples);
    changed[500] += 1e-6;
    expect(audioFingerprint(changed)).not.toBe(audioFingerprint(samples));
    expect(audioFingerprint(samples.subarray(0, 999))).not.toBe(audioFingerprint(samples));
  });

  it('tells silences of different lengths apart', () => {
    expect(audioFingerprint(new Float32Array(100))).not.toBe(audioFingerprint(new Float32Array(101)));
    expect(audioFingerprint(new Float32Array(100))).toMatch(/^[0-9a-f]{16}:100$/);
  });
});
