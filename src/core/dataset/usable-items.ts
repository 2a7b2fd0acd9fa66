import type { DatasetItem, SkipReason } from './dataset-item';
import { type LabelMapping, mapLabel } from './label-mapping';

/** An item that takes part in training and evaluation: labelled (after the mapping) and not skipped. */
export type UsableItem = DatasetItem & { readonly label: string };

export interface SkippedFile {
  readonly path: string;
  readonly reason: SkipReason;
}

export interface ItemSelection {
  readonly usable: readonly UsableItem[];
  readonly skipped: readonly SkippedFile[];
}

export interface UsableItemOptions {
  readonly mapping: LabelMapping;
  /** Files shorter than this are skipped; 0 keeps every length. */
  readonly minDurationSeconds: number;
}

/** Items with their labels mapped; a file whose label the mapping drops is skipped, saying so. */
export function applyLabelMapping(items: readonly DatasetItem[], mapping: LabelMapping): DatasetItem[] {
  return items.map((item) => {
    if (item.label === null || item.skipped !== undefined) return item;
    const label = mapLabel(mapping, item.label);
    if (label !== null) return { ...item, label };
    return { ...item, skipped: { kind: 'dropped-label', message: `the label mapping drops "${item.label}".` } };
  });
}

/** Splits items into the usable ones (labels mapped) and the skipped ones with their reasons. */
export function selectUsableItems(items: readonly DatasetItem[], options: UsableItemOptions): ItemSelection {
  const usable: UsableItem[] = [];
  const skipped: SkippedFile[] = [];
  for (const item of applyLabelMapping(items, options.mapping)) {
    const reason = skipReason(item, options.minDurationSeconds);
    if (reason !== null) skipped.push({ path: item.path, reason });
    else if (item.label !== null) usable.push({ ...item, label: item.label });
  }
  return { usable, skipped };
}

function skipReason(item: DatasetItem, minDurationSeconds: number): SkipReason | null {
  if (item.skipped !== undefined) return item.skipped;
  if (item.label === null) return { kind: 'no-label', message: 'no label.' };
  if (item.durationSeconds !== null && item.durationSeconds < minDurationSeconds) {
    const seconds = (value: number) => `${value.toFixed(2)} s`;
    return {
      kind: 'too-short',
      message: `${seconds(item.durationSeconds)} long, shorter than the ${seconds(minDurationSeconds)} minimum.`,
    };
  }
  return null;
}
