import { type LabelMapping, mergeLabels } from '../../core/dataset';

/** Sends one source label to a class, or drops its files (null). */
export function setLabelTarget(mapping: LabelMapping, source: string, target: string | null): LabelMapping {
  if (target !== null) return mergeLabels(mapping, [source], target);
  return new Map(mapping).set(source, null);
}
