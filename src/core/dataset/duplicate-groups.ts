import type { DatasetItem } from './dataset-item';
import { compareLabels } from './emotion-vocabulary';
import { groupBy } from './group-by';

/** Files with the same decoded audio. */
export interface DuplicateGroup {
  readonly fingerprint: string;
  readonly paths: readonly string[];
  /** The members' distinct labels: more than one means the same audio is labelled two ways. */
  readonly labels: readonly string[];
  readonly speakers: readonly string[];
}

type FingerprintedItem = Pick<DatasetItem, 'path' | 'label' | 'speaker' | 'fingerprint'>;

/** Groups of two or more items with equal fingerprints, in the order their first members come. */
export function findDuplicateGroups(items: readonly FingerprintedItem[]): DuplicateGroup[] {
  const byFingerprint = groupBy(items, (item) => item.fingerprint);
  return [...byFingerprint]
    .filter((pair): pair is [string, FingerprintedItem[]] => pair[0] !== null && pair[1].length > 1)
    .map(([fingerprint, members]) => ({
      fingerprint,
      paths: members.map((member) => member.path),
      labels: distinct(members.map((member) => member.label)).sort(compareLabels),
      speakers: distinct(members.map((member) => member.speaker)).sort(),
    }));
}

function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value) => value !== null))];
}
