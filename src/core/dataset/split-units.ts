import type { DatasetItem } from './dataset-item';
import { groupBy } from './group-by';
import { corpusOfSpeaker } from './speaker-corpus';
import { compareSpeakers } from './speaker-order';
import type { SplitKind } from './split-options';
import { UnionFind } from './union-find';

/** What a split needs of an item: a class, and what ties it to other items. */
export type SplittableItem = Pick<DatasetItem, 'speaker' | 'fingerprint'> & { readonly label: string };

/** Items that must land on the same side. */
export interface SplitUnit {
  /** Indices into the split's items. */
  readonly members: readonly number[];
  readonly speakers: readonly string[];
  /** Files per stratum (corpus and label), indexed like `splitStrata`'s list. */
  readonly strataCounts: readonly number[];
}

/**
 * What a split keeps in proportion on every side: each label within each corpus, so that no side
 * is mostly one corpus (a model trained on one corpus and validated on another says little of
 * either), and each label over all corpora, so that corpora of too few speakers to share out
 * still leave every side its share of each label. Files with no known speaker form a corpus of
 * their own.
 */
export function splitStrata(items: readonly SplittableItem[]): string[] {
  return [...new Set(items.flatMap(strataOf))].sort();
}

function strataOf(item: SplittableItem): [string, string] {
  return [`${corpusOfSpeaker(item.speaker) ?? ''}|${item.label}`, `*|${item.label}`];
}

/**
 * The units a split moves whole: a speaker's files (kind `speaker`) and exact duplicates (kinds
 * `speaker` and `file`) are tied together. Ties are transitive, so a duplicate whose copies carry
 * two speakers puts both speakers on one side: the only way neither voice nor recording leaks.
 * Kind `random-leaky` ties nothing.
 */
export function buildSplitUnits(items: readonly SplittableItem[], kind: SplitKind, strata: readonly string[]): SplitUnit[] {
  const ties = new UnionFind(items.length);
  const indices = items.map((_, index) => index);
  if (kind === 'speaker') tieGroups(ties, groupBy(indices, (index) => items[index].speaker));
  if (kind !== 'random-leaky') tieGroups(ties, groupBy(indices, (index) => items[index].fingerprint));
  const stratumIndex = new Map(strata.map((stratum, index) => [stratum, index]));
  return [...groupBy(indices, (index) => ties.find(index)).values()].map((members) => {
    const strataCounts = strata.map(() => 0);
    for (const member of members) for (const stratum of strataOf(items[member])) strataCounts[stratumIndex.get(stratum) ?? 0]++;
    const speakers = new Set(members.map((member) => items[member].speaker).filter((speaker) => speaker !== null));
    return { members, speakers: [...speakers].sort(compareSpeakers), strataCounts };
  });
}

/** Ties the members of every group with a known key (null keys tie nothing). */
function tieGroups(ties: UnionFind, groups: ReadonlyMap<string | null, number[]>): void {
  for (const [key, members] of groups) {
    if (key === null) continue;
    for (const member of members) ties.union(members[0], member);
  }
}
