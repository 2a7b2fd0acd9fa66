import {
  type DatasetSplit,
  DatasetSplitError,
  DEFAULT_SPLIT_OPTIONS,
  type HoldOutSide,
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
  /** Speakers the user put on a side by hand; the other sides share the rest by their percentages. */
  readonly holdOut: Readonly<Record<HoldOutSide, readonly string[]>>;
}

export const DEFAULT_SPLIT_SETTINGS: SplitSettings = {
  kind: DEFAULT_SPLIT_OPTIONS.kind,
  percents: {
    train: DEFAULT_SPLIT_OPTIONS.fractions.train * 100,
    validation: DEFAULT_SPLIT_OPTIONS.fractions.validation * 100,
    test: DEFAULT_SPLIT_OPTIONS.fractions.test * 100,
  },
  seed: DEFAULT_SPLIT_OPTIONS.seed,
  holdOut: { validation: [], test: [] },
};

export type SplitPreview = { readonly split: DatasetSplit } | { readonly problem: string };

/** The split the settings give, or the sentence saying why there is none. */
export function previewSplit(items: readonly SplittableItem[], settings: SplitSettings): SplitPreview {
  const { train, validation, test } = settings.percents;
  try {
    const fractions = { train: train / 100, validation: validation / 100, test: test / 100 };
    return { split: splitDataset(items, { kind: settings.kind, fractions, seed: settings.seed, holdOutSpeakers: settings.holdOut }) };
  } catch (error) {
    if (error instanceof DatasetSplitError) return { problem: error.message };
    throw error;
  }
}

/** Where the user put a speaker: a held-out side, or null when the split shares it out. */
export function heldOutSideOf(settings: SplitSettings, speaker: string): HoldOutSide | null {
  if (settings.holdOut.validation.includes(speaker)) return 'validation';
  if (settings.holdOut.test.includes(speaker)) return 'test';
  return null;
}

/** The settings with the speaker held out for `side`, or shared out again when side is null. */
export function holdOutSpeaker(settings: SplitSettings, speaker: string, side: HoldOutSide | null): SplitSettings {
  const without = (list: readonly string[]) => list.filter((other) => other !== speaker);
  const holdOut = { validation: without(settings.holdOut.validation), test: without(settings.holdOut.test) };
  if (side !== null) holdOut[side] = [...holdOut[side], speaker];
  return { ...settings, holdOut };
}
