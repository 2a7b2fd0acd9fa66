import { describe, expect, it } from 'vitest';
import { corporaPaths, type CorpusFile, labelledCorpora } from './corpora-fixture';
import { buildDatasetReport } from './dataset-report';

function countBy(files: readonly CorpusFile[], key: (file: CorpusFile) => string | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of files) counts[String(key(file))] = (counts[String(key(file))] ?? 0) + 1;
  return counts;
}

describe('the team corpora, labelled from their real file names', () => {
  const files = labelledCorpora();
  const corpus = (folder: string) => files.filter((file) => file.path.startsWith(`${folder}/`));

  it('labels all 3,135 files, each by its corpus convention', () => {
    expect(corporaPaths()).toHaveLength(3135);
    expect(files).toHaveLength(3135);
    expect(countBy(files, (file) => `${file.path.split('/')[0]}:${file.source}`)).toEqual({
      'ravdess:ravdess': 1200,
      'tess:tess': 1400,
      'emodb:emodb': 535,
    });
  });

  it('RAVDESS: 1200 files, 20 actors, neutral 80 and every other emotion 160', () => {
    const ravdess = corpus('ravdess');
    expect(ravdess).toHaveLength(1200);
    expect(Object.keys(countBy(ravdess, (file) => file.speaker))).toEqual(
      Array.from({ length: 20 }, (_, actor) => `ravdess:${String(actor + 1).padStart(2, '0')}`),
    );
    expect(countBy(ravdess, (file) => file.label)).toEqual({
      neutral: 80,
      calm: 160,
      happiness: 160,
      sadness: 160,
      anger: 160,
      fear: 160,
      disgust: 160,
      surprise: 160,
    });
    // Each actor's folder agrees with the actor in the name.
    for (const file of ravdess) expect(file.path.split('/')[1]).toBe(`Actor_${file.speaker?.slice('ravdess:'.length)}`);
  });

  it('TESS: 1400 files, 2 speakers, 200 per emotion, ps as surprise', () => {
    const tess = corpus('tess');
    expect(tess).toHaveLength(1400);
    expect(countBy(tess, (file) => file.speaker)).toEqual({ 'tess:OAF': 700, 'tess:YAF': 700 });
    expect(countBy(tess, (file) => file.label)).toEqual({
      anger: 200,
      disgust: 200,
      fear: 200,
      happiness: 200,
      neutral: 200,
      surprise: 200,
      sadness: 200,
    });
  });

  it('EMO-DB: 535 files, 10 speakers, W 127, L 81, E 46, A 69, F 71, T 62, N 79', () => {
    const emodb = corpus('emodb');
    expect(emodb).toHaveLength(535);
    expect(Object.keys(countBy(emodb, (file) => file.speaker)).sort()).toEqual(
      ['03', '08', '09', '10', '11', '12', '13', '14', '15', '16'].map((speaker) => `emodb:${speaker}`),
    );
    expect(countBy(emodb, (file) => file.label)).toEqual({
      anger: 127,
      boredom: 81,
      disgust: 46,
      fear: 69,
      happiness: 71,
      sadness: 62,
      neutral: 79,
    });
  });

  it('gives every corpus its own speakers: 32 in all', () => {
    expect(Object.keys(countBy(files, (file) => file.speaker))).toHaveLength(32);
  });

  it('reports them with calm and boredom dropped by default, or kept as classes', () => {
    const items = files.map(({ path, label, speaker }) => ({ path, label, speaker, durationSeconds: 3, fingerprint: null }));
    const dropped = buildDatasetReport(items);
    expect(dropped.withoutThesisClass).toEqual(['boredom', 'calm']);
    expect(dropped.total.files).toBe(3135 - 160 - 81);
    expect(dropped.labels.map((tally) => [tally.label, tally.files])).toEqual([
      ['anger', 160 + 200 + 127],
      ['disgust', 160 + 200 + 46],
      ['fear', 160 + 200 + 69],
      ['happiness', 160 + 200 + 71],
      ['neutral', 80 + 200 + 79],
      ['sadness', 160 + 200 + 62],
      ['surprise', 160 + 200],
    ]);
    expect(dropped.skipped).toHaveLength(241);
    expect(new Set(dropped.skipped.map((file) => file.reason.kind))).toEqual(new Set(['dropped-label']));
    const kept = buildDatasetReport(items, { nonThesis: 'keep' });
    expect(kept.total.files).toBe(3135);
    expect(kept.labels.map((tally) => tally.label)).toEqual([
      'anger',
      'disgust',
      'fear',
      'happiness',
      'neutral',
      'sadness',
      'surprise',
      'boredom',
      'calm',
    ]);
    expect(kept.speakers).toHaveLength(32);
    expect(kept.total.seconds).toBe(3135 * 3);
  });
});
