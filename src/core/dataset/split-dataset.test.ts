import { describe, expect, it } from 'vitest';
import { type CorpusFile, labelledCorpora } from './corpora-fixture';
import { DatasetSplitError } from './dataset-split-error';
import { corpusOfSpeaker } from './speaker-corpus';
import { type DatasetSplit, splitDataset } from './split-dataset';
import { DEFAULT_SPLIT_OPTIONS, SPLIT_SIDES, type SplitOptions, type SplitSide } from './split-options';
import type { SplittableItem } from './split-units';
import { LEAKY_SPLIT_WARNING } from './split-warnings';

const corpora = labelledCorpora();
const SEEDS = Array.from({ length: 40 }, (_, seed) => seed);

/** The corpus's files as split input; RAVDESS's one known duplicate pair gets equal fingerprints. */
function splittable(files: readonly CorpusFile[]): (SplittableItem & { readonly path: string })[] {
  return files.map(({ path, label, speaker }) => ({ path, label, speaker, fingerprint: DUPLICATE_PAIR.some((name) => path.includes(name)) ? 'same' : null }));
}

const DUPLICATE_PAIR = ['Actor_07/03-01-03-01-02-01-07', 'Actor_07/03-01-03-01-02-02-07'];
const ravdess = splittable(corpora.filter((file) => file.source === 'ravdess'));
const emodb = splittable(corpora.filter((file) => file.source === 'emodb'));
const tess = splittable(corpora.filter((file) => file.source === 'tess'));
const everything = splittable(corpora);

function sidesOfSpeakers(items: readonly SplittableItem[], split: DatasetSplit): Map<string, Set<SplitSide>> {
  const sides = new Map<string, Set<SplitSide>>();
  items.forEach((item, index) => {
    if (item.speaker === null) return;
    const set = sides.get(item.speaker) ?? new Set<SplitSide>();
    set.add(split.assignments[index]);
    sides.set(item.speaker, set);
  });
  return sides;
}

/** The largest gap between a label's share of a side and its share of the whole dataset. */
function worstLabelShareGap(items: readonly SplittableItem[], split: DatasetSplit): number {
  const labels = [...new Set(items.map((item) => item.label))];
  return Math.max(
    ...SPLIT_SIDES.filter((side) => split.summary.sides[side].files > 0).flatMap((side) => {
      const { files, filesByLabel } = split.summary.sides[side];
      return labels.map((label) => Math.abs(filesByLabel[label] / files - items.filter((item) => item.label === label).length / items.length));
    }),
  );
}

function sideShares(split: DatasetSplit, total: number): number[] {
  return SPLIT_SIDES.map((side) => split.summary.sides[side].files / total);
}

describe('splitDataset by speaker (the default)', () => {
  it('never puts a RAVDESS actor on two sides, and gives 14 / 3 / 3 actors with exact label proportions', () => {
    for (const seed of SEEDS) {
      const split = splitDataset(ravdess, { seed });
      expect(split.kind).toBe('speaker');
      for (const [speaker, sides] of sidesOfSpeakers(ravdess, split)) expect(sides.size, `${speaker}, seed ${seed}`).toBe(1);
      expect(SPLIT_SIDES.map((side) => split.summary.sides[side].speakers.length)).toEqual([14, 3, 3]);
      expect(worstLabelShareGap(ravdess, split)).toBe(0);
      expect(split.warnings).toEqual([]);
    }
  });

  it('balances labels and sizes across unequal speakers (EMO-DB)', () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const split = splitDataset(emodb, { seed });
      for (const sides of sidesOfSpeakers(emodb, split).values()) expect(sides.size).toBe(1);
      expect(worstLabelShareGap(emodb, split)).toBeLessThan(0.05);
      sideShares(split, emodb.length).forEach((share, side) => expect(Math.abs(share - [0.7, 0.15, 0.15][side])).toBeLessThan(0.035));
    }
  });

  it('keeps each corpus in proportion on every side, and a corpus of too few speakers in training (all three corpora)', () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const split = splitDataset(everything, { seed });
      for (const sides of sidesOfSpeakers(everything, split).values()) expect(sides.size).toBe(1);
      // TESS has two speakers of 700 files: either on a small side would make it mostly TESS.
      expect(split.summary.sides.train.filesByCorpus.tess).toBe(tess.length);
      for (const corpus of ['ravdess', 'emodb']) {
        const total = everything.filter((item) => corpusOfSpeaker(item.speaker) === corpus).length;
        // Every side also wants its share of each label over all corpora, so the corpora that can be
        // shared out give validation and test a little more than their fraction.
        SPLIT_SIDES.forEach((side, index) => expect(Math.abs((split.summary.sides[side].filesByCorpus[corpus] ?? 0) / total - [0.65, 0.175, 0.175][index]), `${corpus} ${side}`).toBeLessThan(0.07));
      }
            expect(split.warnings).toContain('Validation has no files of TESS: its scores say nothing about that corpus.');
      expect(split.warnings).toContain('Test has no files of TESS: its scores say nothing about that corpus.');
    }
  });

  it('does not train on one corpus and validate on another without saying so', () => {
    // The trap of a split of RAVDESS actors 01-02 and TESS: each side one corpus, chance-level scores.
    const items = everything.filter((item) => corpusOfSpeaker(item.speaker) === 'tess' || ['ravdess:01', 'ravdess:02'].includes(item.speaker ?? ''));
    for (const seed of SEEDS.slice(0, 10)) {
      const split = splitDataset(items, { seed, fractions: { train: 0.75, validation: 0.25, test: 0 } });
      const { train, validation } = split.summary.sides;
      if ((train.filesByCorpus.ravdess ?? 0) === 0) expect(split.warnings.some((warning) => warning.startsWith('Train has no files of RAVDESS'))).toBe(true);
      if ((validation.filesByCorpus.tess ?? 0) === 0) expect(split.warnings).toContain('Validation has no files of TESS: its scores say nothing about that corpus.');
      expect(train.filesByCorpus.ravdess ?? 0).toBeGreaterThan(0);
    }
  });

  it('is deterministic for a seed and varies with it', () => {
    expect(splitDataset(everything, { seed: 7 })).toEqual(splitDataset(everything, { seed: 7 }));
    expect(splitDataset(everything, { seed: undefined })).toEqual(splitDataset(everything, DEFAULT_SPLIT_OPTIONS));
    const testActors = new Set(SEEDS.map((seed) => splitDataset(ravdess, { seed }).summary.sides.test.speakers.join()));
    expect(testActors.size).toBeGreaterThan(SEEDS.length / 2);
  });

  it('keeps the duplicate pair of Actor_07 on one side, also when splitting by file', () => {
    const pair = DUPLICATE_PAIR.map((name) => ravdess.findIndex((item) => item.path.includes(name)));
    expect(pair.every((index) => index >= 0)).toBe(true);
    for (const kind of ['speaker', 'file'] as const) {
      for (const seed of SEEDS) {
        const split = splitDataset(ravdess, { kind, seed });
        expect(split.assignments[pair[0]], `${kind}, seed ${seed}`).toBe(split.assignments[pair[1]]);
      }
    }
  });

  it('puts two speakers who share a duplicate on one side and says so', () => {
    const items = ravdess.map((item, index) => (index === 0 || index === 60 ? { ...item, fingerprint: 'shared' } : item));
    expect([items[0].speaker, items[60].speaker]).toEqual(['ravdess:01', 'ravdess:02']);
    for (const seed of SEEDS.slice(0, 10)) {
      const split = splitDataset(items, { seed });
      expect(split.summary.joinedSpeakers).toContainEqual(['ravdess:01', 'ravdess:02']);
      const sides = sidesOfSpeakers(items, split);
      expect([...(sides.get('ravdess:01') ?? [])]).toEqual([...(sides.get('ravdess:02') ?? [])]);
    }
  });

  it('shares files without a speaker out by file, stratified, and warns about them', () => {
    const loose = ravdess.slice(0, 300).map((item) => ({ ...item, speaker: null }));
    const items = [...ravdess.slice(300), ...loose];
    const split = splitDataset(items, { seed: 3 });
    expect(split.warnings).toEqual(['300 files have no known speaker; they are split by file, so one voice among them may be on several sides.']);
    for (const [speaker, sides] of sidesOfSpeakers(items, split)) expect(sides.size, speaker).toBe(1);
    const looseSides = SPLIT_SIDES.map((side) => split.summary.sides[side].filesWithoutSpeaker);
    expect(looseSides.every((count) => count > 0)).toBe(true);
    expect(worstLabelShareGap(items, split)).toBeLessThan(0.02);
  });

  it('holds out the speakers asked for, and shares the rest by the other fractions', () => {
    const split = splitDataset(ravdess, { holdOutSpeakers: { test: ['ravdess:19', 'ravdess:20'] } });
    expect(split.summary.sides.test.speakers).toEqual(['ravdess:19', 'ravdess:20']);
    // 18 actors left, shared 0.7 : 0.15.
    expect(split.summary.sides.train.speakers).toHaveLength(15);
    expect(split.summary.sides.validation.speakers).toHaveLength(3);
    const both = splitDataset(ravdess, { holdOutSpeakers: { validation: ['ravdess:18'], test: ['ravdess:19', 'ravdess:20'] } });
    expect([both.summary.sides.validation.speakers, both.summary.sides.test.speakers]).toEqual([['ravdess:18'], ['ravdess:19', 'ravdess:20']]);
    expect(both.summary.sides.train.speakers).toHaveLength(17);
  });

  it('holds out speakers in file splits too', () => {
    const split = splitDataset(ravdess, { kind: 'random-leaky', holdOutSpeakers: { validation: ['ravdess:19', 'ravdess:20'] } });
    expect(split.summary.sides.validation.speakers).toEqual(['ravdess:19', 'ravdess:20']);
    expect(split.summary.sides.validation.files).toBe(120);
  });

  it('refuses hold-outs it cannot honour, saying why', () => {
    const refusal = (options: SplitOptions, items: readonly SplittableItem[] = ravdess) => () => splitDataset(items, options);
    expect(refusal({ holdOutSpeakers: { test: ['ravdess:25'] } })).toThrow('Cannot hold out "ravdess:25": no file in the dataset has this speaker.');
    expect(refusal({ holdOutSpeakers: { validation: ['ravdess:19'], test: ['ravdess:19'] } })).toThrow(
      'Speaker "ravdess:19" is held out for both validation and test; choose one.',
    );
    const tied = ravdess.map((item, index) => (index === 0 || index === 60 ? { ...item, fingerprint: 'shared' } : item));
    expect(refusal({ holdOutSpeakers: { validation: ['ravdess:01'], test: ['ravdess:02'] } }, tied)).toThrow('share a recording');
    const every = Array.from({ length: 20 }, (_, actor) => `ravdess:${String(actor + 1).padStart(2, '0')}`);
    expect(refusal({ holdOutSpeakers: { test: every } })).toThrow('Every speaker is held out: no files are left for training.');
  });
});

describe('splitDataset by file', () => {
  it('random-leaky: stratified by file, ignoring speakers, and warns about leakage', () => {
    const split = splitDataset(ravdess, { kind: 'random-leaky', seed: 5 });
    expect(split.warnings).toEqual([LEAKY_SPLIT_WARNING]);
    expect(LEAKY_SPLIT_WARNING).toMatch(/same speakers/);
    const shared = [...sidesOfSpeakers(ravdess, split).values()].filter((sides) => sides.size > 1);
    expect(shared.length).toBeGreaterThan(10);
    for (const side of SPLIT_SIDES) {
      for (const [label, count] of Object.entries(split.summary.sides[side].filesByLabel)) {
        const total = ravdess.filter((item) => item.label === label).length;
        expect(Math.abs(count - total * split.fractions[side]), `${side} ${label}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('file: ignores speakers, keeps duplicates together and warns that speakers are shared', () => {
    const split = splitDataset(ravdess, { kind: 'file', seed: 5 });
    expect(split.warnings).toEqual([
      '20 speakers have files on more than one side: the scores partly measure voices the model has heard; split by speaker to measure new speakers.',
    ]);
  });
});

describe('splitDataset results and limits', () => {
  it('partitions the items; only the training side is offered for augmentation', () => {
    const split = splitDataset(everything, { seed: 2 });
    const all = [...split.trainIndices, ...split.validationIndices, ...split.testIndices].sort((a, b) => a - b);
    expect(all).toEqual(everything.map((_, index) => index));
    for (const index of split.trainIndices) expect(split.assignments[index]).toBe('train');
    for (const index of split.testIndices) expect(split.assignments[index]).toBe('test');
    expect(SPLIT_SIDES.reduce((sum, side) => sum + split.summary.sides[side].files, 0)).toBe(everything.length);
  });

  it('allows an empty test side', () => {
    const split = splitDataset(ravdess, { fractions: { train: 0.8, validation: 0.2, test: 0 } });
    expect(split.testIndices).toEqual([]);
    expect(split.summary.sides.test.files).toBe(0);
    expect(split.summary.sides.validation.speakers).toHaveLength(4);
    expect(split.warnings).toEqual([]);
  });

  it('refuses a speaker split with fewer speakers than sides, and says what to do', () => {
    const oneSpeaker = tess.filter((item) => item.speaker === 'tess:OAF');
    expect(() => splitDataset(oneSpeaker)).toThrow(DatasetSplitError);
    expect(() => splitDataset(oneSpeaker)).toThrow(
      'Splitting into train, validation, test needs at least 3 speakers (speakers tied by a duplicate recording count as one); there is 1 (tess:OAF). Add speakers, set a fraction to 0, or split by file.',
    );
    expect(() => splitDataset(tess)).toThrow('there are 2 (tess:OAF, tess:YAF)');
  });

  it('splits two speakers into two sides when asked, warning that the sizes are far from the fractions', () => {
    const split = splitDataset(tess, { fractions: { train: 0.7, validation: 0.3, test: 0 } });
    expect([split.summary.sides.train.speakers.length, split.summary.sides.validation.speakers.length]).toEqual([1, 1]);
    expect(split.warnings).toEqual([
      'Train has 50% of the files instead of 70%: the speakers are too few or too unequal in size to come closer.',
      'Validation has 50% of the files instead of 30%: the speakers are too few or too unequal in size to come closer.',
    ]);
  });

  it('gives every side a speaker when there are enough, even against the fractions', () => {
    const three = ravdess.filter((item) => ['ravdess:01', 'ravdess:02', 'ravdess:03'].includes(item.speaker ?? ''));
    const split = splitDataset(three, { fractions: { train: 0.98, validation: 0.01, test: 0.01 } });
    expect(SPLIT_SIDES.map((side) => split.summary.sides[side].speakers.length)).toEqual([1, 1, 1]);
    expect(split.warnings).toHaveLength(3);
    expect(split.warnings[0]).toBe('Train has 33% of the files instead of 98%: the speakers are too few or too unequal in size to come closer.');
  });

  it('splits a one-speaker dataset by file, warning that the speaker is on every side', () => {
    const oneSpeaker = tess.filter((item) => item.speaker === 'tess:OAF');
    const split = splitDataset(oneSpeaker, { kind: 'file' });
    expect(sideShares(split, oneSpeaker.length).map((share) => Math.round(share * 100))).toEqual([70, 15, 15]);
    expect(split.warnings[0]).toMatch(/^1 speaker has files on more than one side/);
  });

  it('splits a one-class dataset, warning that a classifier needs two', () => {
    const angry = ravdess.filter((item) => item.label === 'anger');
    const split = splitDataset(angry);
    expect(split.summary.sides.test.speakers).toHaveLength(3);
    expect(split.warnings).toEqual(['Every file has the label "anger": a classifier needs at least two labels.']);
  });

  it('says which labels a side lacks', () => {
    const items = ravdess.map((item) => (item.label === 'surprise' && item.speaker !== 'ravdess:01' ? { ...item, label: 'fear' } : item));
    const split = splitDataset(items, { seed: 1 });
    const lacking = SPLIT_SIDES.filter((side) => !split.summary.sides[side].speakers.includes('ravdess:01'));
    expect(split.warnings).toEqual(lacking.map((side) => `${side[0].toUpperCase()}${side.slice(1)} has no files labelled "surprise": too few speakers have them.`));
  });

  it('refuses bad fractions and empty datasets', () => {
    expect(() => splitDataset(ravdess, { fractions: { train: 0.7, validation: 0.2, test: 0.2 } })).toThrow('Split fractions must add up to 1; they add up to 1.1');
    expect(() => splitDataset(ravdess, { fractions: { train: 0, validation: 0.5, test: 0.5 } })).toThrow('The training fraction must be above 0.');
    expect(() => splitDataset(ravdess, { fractions: { train: 1.2, validation: -0.2, test: 0 } })).toThrow('from 0 to 1');
    expect(() => splitDataset([])).toThrow('There are no labelled files to split.');
  });

  it('refuses a file split with fewer files than sides', () => {
    expect(() => splitDataset(ravdess.slice(0, 2), { kind: 'file' })).toThrow(
      'Splitting into train, validation, test needs at least 3 files (exact duplicates count as one); there are 2. Add files or set a fraction to 0.',
    );
  });
});
