import {
  type DatasetSplit,
  DatasetSplitError,
  DEFAULT_SPLIT_OPTIONS,
  type SplitFractions,
  type SplitKind,
  type SplittableItem,
  splitDataset,
} from '../../core/dataset';

/** What the split form holds: fractions as whole percentages, as the user types them. */
export interface SplitSettings {
  readonly kind: SplitKind;
  readonly percents: SplitFractions;
  readonly seed: number;
}

export const DEFAULT_SPLIT_SETTINGS: SplitSettings = {
  kind: DEFAULT_SPLIT_OPTIONS.kind,
  percents: {
    train: DEFAULT_SPLIT_OPTIONS.fractions.train * 100,
    validation: DEFAULT_SPLIT_OPTIONS.fractions.validation * 100,
    test: DEFAULT_SPLIT_OPTIONS.fractions.test * 100,
  },
  seed: DEFAULT_SPLIT_OPTIONS.seed,
};

export type SplitPreview = { readonly split: DatasetSplit } | { readonly problem: string };

/** The split the settings give, or the sentence saying why there is none. */
export function previewSplit(items: readonly SplittableItem[], settings: SplitSettings): SplitPreview {
  const { train, validation, test } = settings.percents;
  try {
    const fractions = { train: train / 100, validation: validation / 100, test: test / 100 };
    return { split: splitDataset(items, { kind: settings.kind, fractions, seed: settings.seed }) };
  } catch (error) {
    if (error instanceof DatasetSplitError) return { problem: error.message };
    throw error;
  }
}
