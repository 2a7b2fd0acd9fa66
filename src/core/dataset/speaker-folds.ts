import { SeededRandom } from '../random/seeded-random';
import { assignBalanced } from './balanced-assignment';
import { DatasetSplitError } from './dataset-split-error';
import { corpusName, corpusOfSpeaker } from './speaker-corpus';
import { type DatasetSplit, splitUnits } from './split-dataset';
import { buildSplitUnits, type SplittableItem, type SplitUnit, splitStrata } from './split-units';

export interface SpeakerFoldOptions {
  /** Number of folds (k); each fold's speakers are scored by a model trained on the others. */
  readonly folds?: number;
  readonly seed?: number;
  /**
   * Share of each fold's training files held out, by speaker, as inner validation: it stops early
   * and calibrates that fold's model, so the fold's own speakers choose nothing.
   */
  readonly validationFraction?: number;
}

export const DEFAULT_SPEAKER_FOLD_OPTIONS: Required<SpeakerFoldOptions> = { folds: 5, seed: 1, validationFraction: 0.15 };

/** k-fold cross-validation by speaker: every scored speaker is in the test side of exactly one fold. */
export interface SpeakerFolds {
  readonly seed: number;
  /** One split per fold: `test` is the fold's speakers, `validation` the inner validation, `train` the rest. */
  readonly folds: readonly DatasetSplit[];
  /** Corpora with fewer speakers than folds: they train in every fold and are never scored. */
  readonly trainingOnlyCorpora: readonly string[];
  /** What the user should know about the folds as a whole. */
  readonly warnings: readonly string[];
}

/**
 * Splits items into k folds of speakers, stratified so that each fold holds its share of every
 * corpus and label (a fold of one corpus would score the change of corpus, not emotion). Speakers
 * tied by an exact duplicate move together; files with no speaker are shared out by file. A
 * corpus with fewer speakers than folds (TESS: two) cannot be in every fold and trains in all.
 * Deterministic for a seed; throws a DatasetSplitError with a sentence when it cannot be done.
 */
export function speakerFolds(items: readonly SplittableItem[], options: SpeakerFoldOptions = {}): SpeakerFolds {
  const { folds: k, seed, validationFraction } = { ...DEFAULT_SPEAKER_FOLD_OPTIONS, ...options };
  checkOptions(k, validationFraction);
  if (items.length === 0) throw new DatasetSplitError('There are no labelled files to split into folds.');
  const units = buildSplitUnits(items, 'speaker', splitStrata(items));
  const trainingOnlyCorpora = corporaWithFewerSpeakers(units, k);
  const scored = units.flatMap((unit, index) => (trainingOnlyCorpora.includes(corpusOf(unit) ?? '') ? [] : [index]));
  if (scored.length < k) throw tooFewSpeakers(units, k);
  const foldOfScored = assignBalanced(scored.map((index) => units[index].strataCounts), Array(k).fill(1), SeededRandom.derive(seed, 'speaker-folds'));
  const foldOf = new Map(scored.map((unit, position) => [unit, foldOfScored[position]]));
  const fractions = { train: 1 - validationFraction, validation: validationFraction, test: 0 };
  const splits = Array.from({ length: k }, (_, fold) => {
    const held = units.map((_, index) => (foldOf.get(index) === undefined ? 'train' : foldOf.get(index) === fold ? 'test' : null));
    return splitUnits(items, units, held, { kind: 'speaker', fractions, seed, heldOut: ['test'], trainingOnlyCorpora });
  });
  return { seed, folds: splits, trainingOnlyCorpora, warnings: foldWarnings(units, trainingOnlyCorpora, k) };
}

function checkOptions(k: number, validationFraction: number): void {
  if (!Number.isInteger(k) || k < 2) throw new DatasetSplitError(`The number of folds must be a whole number of at least 2; it is ${k}.`);
  if (!(validationFraction > 0 && validationFraction < 1)) {
    throw new DatasetSplitError(`The inner validation share must be above 0 and below 1; it is ${validationFraction}.`);
  }
}

function tooFewSpeakers(units: readonly SplitUnit[], k: number): DatasetSplitError {
  const counts = [...new Set(units.map(corpusOf))].map((corpus) => {
    const speakers = units.filter((unit) => corpusOf(unit) === corpus).length;
    return `${corpus === null ? 'files without a speaker' : corpusName(corpus)}: ${speakers}`;
  });
  return new DatasetSplitError(
    `${k} folds by speaker need a corpus of at least ${k} speakers (speakers tied by a duplicate recording count as one); this dataset has ${counts.join(', ')}. Choose fewer folds or add speakers.`,
  );
}

function corpusOf(unit: SplitUnit): string | null {
  return corpusOfSpeaker(unit.speakers[0] ?? null);
}

/** Corpora (known by their speakers' namespace) with fewer speaker units than folds. */
function corporaWithFewerSpeakers(units: readonly SplitUnit[], k: number): string[] {
  const unitsPerCorpus = new Map<string, number>();
  for (const unit of units) {
    const corpus = corpusOf(unit);
    if (corpus !== null) unitsPerCorpus.set(corpus, (unitsPerCorpus.get(corpus) ?? 0) + 1);
  }
  return [...unitsPerCorpus].filter(([, count]) => count < k).map(([corpus]) => corpus).sort();
}

function foldWarnings(units: readonly SplitUnit[], trainingOnlyCorpora: readonly string[], k: number): string[] {
  const trainingOnly = trainingOnlyCorpora.map((corpus) => {
    const speakers = units.filter((unit) => corpusOf(unit) === corpus).length;
    return `${corpusName(corpus)} has ${speakers} ${speakers === 1 ? 'speaker' : 'speakers'}, fewer than the ${k} folds: it trains in every fold and is never scored.`;
  });
  const loose = units.filter((unit) => unit.speakers.length === 0).reduce((sum, unit) => sum + unit.members.length, 0);
  const looseWarning = loose === 0 ? [] : [`${loose} ${loose === 1 ? 'file has' : 'files have'} no known speaker; they are shared out by file, so one voice among them may be scored by a model that heard it.`];
  return [...trainingOnly, ...looseWarning];
}
