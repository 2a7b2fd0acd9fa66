import { compareLabels, foldLabel, isThesisEmotion } from './emotion-vocabulary';

/**
 * Where each source label goes: a class name, or null to drop its files. A label the mapping does
 * not mention keeps its own name, so datasets added later are never dropped unasked.
 */
export type LabelMapping = ReadonlyMap<string, string | null>;

/** What to do with labels the thesis has no class for (RAVDESS calm, EMO-DB boredom). */
export type NonThesisLabelPolicy = 'keep' | 'drop';

/**
 * Drop is the default: the default model has the seven thesis classes, and the report lists the
 * dropped files, so nothing disappears unseen.
 */
export const DEFAULT_NON_THESIS_POLICY: NonThesisLabelPolicy = 'drop';

/** Source labels onto the thesis emotions (through the synonyms); the others kept as classes of their own or dropped. */
export function defaultLabelMapping(
  sourceLabels: Iterable<string>,
  nonThesis: NonThesisLabelPolicy = DEFAULT_NON_THESIS_POLICY,
): LabelMapping {
  return new Map(
    [...new Set(sourceLabels)].map((source) => {
      const folded = foldLabel(source);
      return [source, isThesisEmotion(folded) || nonThesis === 'keep' ? folded : null];
    }),
  );
}

/** Source labels with no thesis class, sorted. */
export function labelsWithoutThesisClass(sourceLabels: Iterable<string>): string[] {
  return [...new Set(sourceLabels)].filter((label) => !isThesisEmotion(foldLabel(label))).sort(compareLabels);
}

/** The class a source label goes to, or null when it is dropped. */
export function mapLabel(mapping: LabelMapping, source: string): string | null {
  const target = mapping.get(source);
  return target === undefined ? source : target;
}

/** Sends several source labels to one class (`calm` and `neutral` → `neutral`). */
export function mergeLabels(mapping: LabelMapping, sources: readonly string[], target: string): LabelMapping {
  const merged = new Map(mapping);
  for (const source of sources) merged.set(source, foldLabel(target));
  return merged;
}

/** Renames a class: every source label that went to `from` goes to `to`. */
export function renameLabel(mapping: LabelMapping, from: string, to: string): LabelMapping {
  return retarget(mapping, from, foldLabel(to));
}

/** Drops a class: its files (every source label that went to it) take no part. */
export function dropLabel(mapping: LabelMapping, label: string): LabelMapping {
  return retarget(mapping, label, null);
}

function retarget(mapping: LabelMapping, from: string, to: string | null): LabelMapping {
  const changed = new Map(mapping);
  if (!changed.has(from)) changed.set(from, to);
  for (const [source, target] of changed) if (target === from) changed.set(source, to);
  return changed;
}
