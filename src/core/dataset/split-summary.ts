import { corpusOfSpeaker } from './speaker-corpus';
import { compareSpeakers } from './speaker-order';
import type { SplitSide } from './split-options';
import type { SplittableItem } from './split-units';

export interface SideSummary {
  readonly files: number;
  /** Every label of the dataset, in label order, zeros included. */
  readonly filesByLabel: Readonly<Record<string, number>>;
  readonly speakers: readonly string[];
  readonly filesWithoutSpeaker: number;
  /** Files per corpus of the side's speakers (`ravdess`, `emodb`); files with no speaker are not counted. */
  readonly filesByCorpus: Readonly<Record<string, number>>;
}

export interface SplitSummary {
  readonly sides: Readonly<Record<SplitSide, SideSummary>>;
  /** Speakers that had to share a side because an exact duplicate carries each of them (speaker splits only). */
  readonly joinedSpeakers: readonly (readonly string[])[];
}

export function summariseSides(
  items: readonly SplittableItem[],
  assignments: readonly SplitSide[],
  labels: readonly string[],
): Record<SplitSide, SideSummary> {
  const summarise = (side: SplitSide): SideSummary => {
    const members = items.filter((_, index) => assignments[index] === side);
    return {
      files: members.length,
      filesByLabel: Object.fromEntries(labels.map((label) => [label, members.filter((item) => item.label === label).length])),
      speakers: [...new Set(members.flatMap((item) => item.speaker ?? []))].sort(compareSpeakers),
      filesWithoutSpeaker: members.filter((item) => item.speaker === null).length,
      filesByCorpus: countCorpora(members),
    };
  };
  return { train: summarise('train'), validation: summarise('validation'), test: summarise('test') };
}

function countCorpora(items: readonly SplittableItem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const corpus = corpusOfSpeaker(item.speaker);
    if (corpus !== null) counts[corpus] = (counts[corpus] ?? 0) + 1;
  }
  return counts;
}
