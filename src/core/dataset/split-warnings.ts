import { corpusName } from './speaker-corpus';
import { SPLIT_SIDES, type SplitFractions, type SplitKind, type SplitSide } from './split-options';
import type { SideSummary } from './split-summary';

export const LEAKY_SPLIT_WARNING =
  'This random split by file (the thesis\'s split) puts the same speakers, and any duplicate recordings, in training and in validation or test: its scores measure how well the model knows voices it has heard, and overstate accuracy on new speakers.';

/** What a finished split's warnings are drawn from. */
export interface SplitCircumstances {
  readonly kind: SplitKind;
  readonly sides: Readonly<Record<SplitSide, SideSummary>>;
  readonly labels: readonly string[];
  readonly fractions: SplitFractions;
  readonly heldOut: readonly SplitSide[];
  /** Corpora kept in training on purpose (k-fold: too few speakers to score). */
  readonly trainingOnlyCorpora?: readonly string[];
}

export function splitWarnings(split: SplitCircumstances): string[] {
  return [...leakageWarnings(split), ...labelWarnings(split), ...corpusWarnings(split), ...sizeWarnings(split)];
}

function leakageWarnings({ kind, sides }: SplitCircumstances): string[] {
  if (kind === 'random-leaky') return [LEAKY_SPLIT_WARNING];
  if (kind === 'file') {
    const shared = speakersOnSeveralSides(sides);
    if (shared > 0) {
      return [`${shared} ${shared === 1 ? 'speaker has' : 'speakers have'} files on more than one side: the scores partly measure voices the model has heard; split by speaker to measure new speakers.`];
    }
    return [];
  }
  const withoutSpeaker = SPLIT_SIDES.reduce((sum, side) => sum + sides[side].filesWithoutSpeaker, 0);
  if (withoutSpeaker === 0) return [];
  return [`${withoutSpeaker} ${withoutSpeaker === 1 ? 'file has' : 'files have'} no known speaker; they are split by file, so one voice among them may be on several sides.`];
}

function speakersOnSeveralSides(sides: Readonly<Record<SplitSide, SideSummary>>): number {
  const sideCount = new Map<string, number>();
  for (const side of SPLIT_SIDES) for (const speaker of sides[side].speakers) sideCount.set(speaker, (sideCount.get(speaker) ?? 0) + 1);
  return [...sideCount.values()].filter((count) => count > 1).length;
}

function labelWarnings({ kind, sides, labels }: SplitCircumstances): string[] {
  if (labels.length === 1) return [`Every file has the label "${labels[0]}": a classifier needs at least two labels.`];
  return SPLIT_SIDES.flatMap((side) => {
    const missing = labels.filter((label) => sides[side].files > 0 && sides[side].filesByLabel[label] === 0);
    if (missing.length === 0) return [];
    const why = kind === 'speaker' ? 'too few speakers have them' : 'too few files have them';
    return [`${capitalise(side)} has no files labelled ${missing.map((label) => `"${label}"`).join(', ')}: ${why}.`];
  });
}

/**
 * A side that lacks a corpus the others have: a model trained on one corpus and validated or tested
 * on another measures the change of corpus (microphone, language, acting style) as much as emotion.
 * Training may lack nothing the other sides hold; validation and test are told what their scores
 * cannot speak for.
 */
function corpusWarnings({ sides, trainingOnlyCorpora = [] }: SplitCircumstances): string[] {
  const corpora = [...new Set(SPLIT_SIDES.flatMap((side) => Object.keys(sides[side].filesByCorpus)))].filter((corpus) => !trainingOnlyCorpora.includes(corpus)).sort();
  if (corpora.length < 2) return [];
  return SPLIT_SIDES.flatMap((side) => {
    if (sides[side].files === 0) return [];
    const missing = corpora.filter((corpus) => (sides[side].filesByCorpus[corpus] ?? 0) === 0);
    if (missing.length === 0) return [];
    const names = missing.map(corpusName).join(', ');
    if (side === 'train') return [`Train has no files of ${names}: the model will not learn ${missing.length === 1 ? 'that corpus' : 'those corpora'}, and its validation and test scores there measure a change of corpus as much as emotion.`];
    return [`${capitalise(side)} has no files of ${names}: its scores say nothing about ${missing.length === 1 ? 'that corpus' : 'those corpora'}.`];
  });
}

/** Sides shared out by fraction whose size missed its share of the files they share by more than 5 points. */
function sizeWarnings({ kind, sides, fractions, heldOut }: SplitCircumstances): string[] {
  const shared = SPLIT_SIDES.filter((side) => !heldOut.includes(side) && fractions[side] > 0);
  const files = shared.reduce((sum, side) => sum + sides[side].files, 0);
  const weight = shared.reduce((sum, side) => sum + fractions[side], 0);
  const ofWhat = heldOut.length > 0 ? 'of the files not held out' : 'of the files';
  const why = kind === 'speaker' ? 'the speakers are too few or too unequal in size' : 'there are too few files';
  return shared.flatMap((side) => {
    const [actual, asked] = [sides[side].files / files, fractions[side] / weight];
    if (Math.abs(actual - asked) <= 0.05) return [];
    return [`${capitalise(side)} has ${percent(actual)} ${ofWhat} instead of ${percent(asked)}: ${why} to come closer.`];
  });
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
