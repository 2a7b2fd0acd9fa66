import { DatasetSplitError } from './dataset-split-error';

export const SPLIT_SIDES = ['train', 'validation', 'test'] as const;

export type SplitSide = (typeof SPLIT_SIDES)[number];

/**
 * `speaker`: every speaker on one side (the honest default); `file`: by file, ignoring speakers;
 * `random-leaky`: the thesis's random split by file, which also ignores duplicates.
 */
/** The sides speakers can be held out for. */
export type HoldOutSide = Exclude<SplitSide, 'train'>;

export type SplitKind = 'speaker' | 'file' | 'random-leaky';

export type SplitFractions = Readonly<Record<SplitSide, number>>;

export interface SplitOptions {
  readonly kind?: SplitKind;
  /** Shares of the files per side; they add up to 1, train above 0, validation or test may be 0. */
  readonly fractions?: SplitFractions;
  readonly seed?: number;
  /**
   * Speakers put on a side by hand (e.g. RAVDESS actors 19 and 20 for validation). Such a side
   * holds exactly these speakers; the other sides share the remaining files by their fractions.
   */
  readonly holdOutSpeakers?: Readonly<Partial<Record<HoldOutSide, readonly string[]>>>;
}

export type ResolvedSplitOptions = Required<SplitOptions>;

export const DEFAULT_SPLIT_OPTIONS: ResolvedSplitOptions = {
  kind: 'speaker',
  fractions: { train: 0.7, validation: 0.15, test: 0.15 },
  seed: 1,
  holdOutSpeakers: {},
};

export function resolveSplitOptions(options: SplitOptions): ResolvedSplitOptions {
  const resolved: ResolvedSplitOptions = {
    kind: options.kind ?? DEFAULT_SPLIT_OPTIONS.kind,
    fractions: options.fractions ?? DEFAULT_SPLIT_OPTIONS.fractions,
    seed: options.seed ?? DEFAULT_SPLIT_OPTIONS.seed,
    holdOutSpeakers: options.holdOutSpeakers ?? DEFAULT_SPLIT_OPTIONS.holdOutSpeakers,
  };
  checkFractions(resolved.fractions);
  return resolved;
}

function checkFractions(fractions: SplitFractions): void {
  const values = SPLIT_SIDES.map((side) => fractions[side]);
  if (values.some((value) => !Number.isFinite(value) || value < 0)) {
    throw new DatasetSplitError(`Split fractions must be numbers from 0 to 1; they are ${values.join(', ')}.`);
  }
  if (fractions.train <= 0) throw new DatasetSplitError('The training fraction must be above 0.');
  const sum = values.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-6) throw new DatasetSplitError(`Split fractions must add up to 1; they add up to ${Number(sum.toFixed(6))}.`);
}
