import type { DatasetItem } from './dataset-item';
import { type DuplicateGroup, findDuplicateGroups } from './duplicate-groups';
import { compareLabels } from './emotion-vocabulary';
import { groupBy } from './group-by';
import {
  DEFAULT_NON_THESIS_POLICY,
  defaultLabelMapping,
  type LabelMapping,
  labelsWithoutThesisClass,
  type NonThesisLabelPolicy,
} from './label-mapping';
import { compareSpeakers } from './speaker-order';
import { selectUsableItems, type SkippedFile, type UsableItem } from './usable-items';

/** Clips shorter than this are most likely clicks or cut-off recordings rather than speech. */
export const DEFAULT_MIN_DURATION_SECONDS = 0.5;

export interface Tally {
  readonly files: number;
  /** Files of unknown duration add nothing. */
  readonly seconds: number;
}

export interface LabelTally extends Tally {
  readonly label: string;
}

export interface SpeakerTally extends Tally {
  /** null for the files whose speaker is unknown. */
  readonly speaker: string | null;
  readonly filesByLabel: Readonly<Record<string, number>>;
}

/** What a dataset holds, for the UI to render; every count is of usable files unless named otherwise. */
export interface DatasetReport {
  readonly total: Tally;
  /** Per class, after the mapping, thesis emotions first. */
  readonly labels: readonly LabelTally[];
  /** Per speaker, with label × speaker counts; the unknown speaker last. */
  readonly speakers: readonly SpeakerTally[];
  /** Per label as the files give it, before the mapping: what the mapping editor shows (skipped files not counted). */
  readonly sourceLabels: readonly LabelTally[];
  readonly mapping: LabelMapping;
  /** Source labels the thesis has no class for (calm, boredom). */
  readonly withoutThesisClass: readonly string[];
  readonly minDurationSeconds: number;
  readonly skipped: readonly SkippedFile[];
  /** Exact duplicates among all decoded files. */
  readonly duplicates: readonly DuplicateGroup[];
}

export interface ReportOptions {
  /** The user's mapping; without one, `defaultLabelMapping` with `nonThesis`. */
  readonly mapping?: LabelMapping;
  readonly nonThesis?: NonThesisLabelPolicy;
  readonly minDurationSeconds?: number;
}

export function buildDatasetReport(items: readonly DatasetItem[], options: ReportOptions = {}): DatasetReport {
  const labelled = items.filter((item): item is UsableItem => item.label !== null && item.skipped === undefined);
  const sourceLabels = labelTallies(labelled);
  const sourceNames = sourceLabels.map(({ label }) => label);
  const mapping = options.mapping ?? defaultLabelMapping(sourceNames, options.nonThesis ?? DEFAULT_NON_THESIS_POLICY);
  const minDurationSeconds = options.minDurationSeconds ?? DEFAULT_MIN_DURATION_SECONDS;
  const { usable, skipped } = selectUsableItems(items, { mapping, minDurationSeconds });
  return {
    total: tally(usable),
    labels: labelTallies(usable),
    speakers: speakerTallies(usable),
    sourceLabels,
    mapping,
    withoutThesisClass: labelsWithoutThesisClass(sourceNames),
    minDurationSeconds,
    skipped,
    duplicates: findDuplicateGroups(items),
  };
}

function tally(items: readonly DatasetItem[]): Tally {
  return { files: items.length, seconds: items.reduce((sum, item) => sum + (item.durationSeconds ?? 0), 0) };
}

function labelTallies(items: readonly UsableItem[]): LabelTally[] {
  return [...groupBy(items, (item) => item.label)]
    .map(([label, group]) => ({ label, ...tally(group) }))
    .sort((a, b) => compareLabels(a.label, b.label));
}

function speakerTallies(items: readonly UsableItem[]): SpeakerTally[] {
  return [...groupBy(items, (item) => item.speaker)]
    .map(([speaker, group]) => ({
      speaker,
      ...tally(group),
      filesByLabel: Object.fromEntries(labelTallies(group).map(({ label, files }) => [label, files])),
    }))
    .sort((a, b) => compareSpeakers(a.speaker, b.speaker));
}
