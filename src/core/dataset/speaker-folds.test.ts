import { describe, expect, it } from 'vitest';
import { labelledCorpora } from './corpora-fixture';
import { corpusOfSpeaker } from './speaker-corpus';
import { speakerFolds } from './speaker-folds';
import { SPLIT_SIDES } from './split-options';
import type { SplittableItem } from './split-units';

const corpora = labelledCorpora().map(({ label, speaker }): SplittableItem => ({ label, speaker, fingerprint: null }));
const scoredSpeakers = [...new Set(corpora.flatMap((item) => (item.speaker !== null && corpusOfSpeaker(item.speaker) !== 'tess' ? [item.speaker] : [])))];

describe('speakerFolds', () => {
  const { folds, trainingOnlyCorpora, warnings } = speakerFolds(corpora, { folds: 5, seed: 1 });

  it('scores every RAVDESS and EMO-DB speaker in exactly one fold, and TESS (two speakers) in none', () => {
    const tested = folds.flatMap((fold) => fold.summary.sides.test.speakers);
    expect(tested.sort()).toEqual([...scoredSpeakers].sort());
    expect(trainingOnlyCorpora).toEqual(['tess']);
    expect(warnings).toEqual(['TESS has 2 speakers, fewer than the 5 folds: it trains in every fold and is never scored.']);
    for (const fold of folds) expect(fold.summary.sides.train.speakers).toEqual(expect.arrayContaining(['tess:OAF', 'tess:YAF']));
  });

  it('keeps the sides of every fold apart and stratifies them by corpus and label', () => {
    const labels = [...new Set(corpora.map((item) => item.label))];
    for (const [index, fold] of folds.entries()) {
      const { train, validation, test } = fold.summary.sides;
      const seen = [...train.speakers, ...validation.speakers, ...test.speakers];
      expect(new Set(seen).size, `fold ${index}`).toBe(seen.length);
      // 20 actors in 5 folds of 4; EMO-DB's 10 speakers of unequal size in folds of 1 to 3.
      expect(test.speakers.filter((speaker) => speaker.startsWith('ravdess:'))).toHaveLength(4);
      expect(test.speakers.filter((speaker) => speaker.startsWith('emodb:')).length).toBeGreaterThanOrEqual(1);
      for (const side of [train, validation, test]) {
        expect(Object.keys(side.filesByCorpus)).toEqual(expect.arrayContaining(['ravdess', 'emodb']));
        for (const label of labels) expect(side.filesByLabel[label], `fold ${index} ${label}`).toBeGreaterThan(0);
      }
      expect(fold.warnings.filter((warning) => warning.includes('TESS'))).toEqual([]);
    }
  });

  it('holds out about the asked share of each fold\'s training files for inner validation', () => {
    for (const fold of folds) {
      const { train, validation } = fold.summary.sides;
      const sharedOut = train.files - (train.filesByCorpus.tess ?? 0) + validation.files;
      expect(validation.files / sharedOut).toBeGreaterThan(0.1);
      expect(validation.files / sharedOut).toBeLessThan(0.2);
    }
  });

  it('is deterministic for a seed and varies with it', () => {
    expect(speakerFolds(corpora, { seed: 1 })).toEqual(speakerFolds(corpora, { seed: 1 }));
    const testSides = (seed: number) => speakerFolds(corpora, { seed }).folds.map((fold) => fold.summary.sides.test.speakers.join());
    expect(testSides(2)).not.toEqual(testSides(1));
  });

  it('partitions every fold\'s items', () => {
    for (const fold of folds) {
      const all = [...fold.trainIndices, ...fold.validationIndices, ...fold.testIndices].sort((a, b) => a - b);
      expect(all).toEqual(corpora.map((_, index) => index));
    }
  });

  it('shares out files without a speaker by file, and says so', () => {
    const loose = corpora.slice(0, 200).map((item) => ({ ...item, speaker: null }));
    const result = speakerFolds([...loose, ...corpora.slice(200)], { folds: 3 });
    expect(result.warnings).toContain('200 files have no known speaker; they are shared out by file, so one voice among them may be scored by a model that heard it.');
    for (const fold of result.folds) expect(fold.summary.sides.test.filesWithoutSpeaker).toBeGreaterThan(0);
  });

  it('refuses what it cannot do, saying why', () => {
    const twoActors = corpora.filter((item) => ['ravdess:01', 'ravdess:02'].includes(item.speaker ?? ''));
    expect(() => speakerFolds(twoActors, { folds: 3 })).toThrow('3 folds by speaker need a corpus of at least 3 speakers (speakers tied by a duplicate recording count as one); this dataset has RAVDESS: 2. Choose fewer folds or add speakers.');
    expect(() => speakerFolds(corpora, { folds: 1 })).toThrow('at least 2');
    expect(() => speakerFolds(corpora, { validationFraction: 0 })).toThrow('above 0 and below 1');
    expect(() => speakerFolds([])).toThrow('There are no labelled files');
  });
});
