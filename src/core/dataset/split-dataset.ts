import { SeededRandom } from '../random/seeded-random';
import { assignBalanced } from './balanced-assignment';
import { DatasetSplitError } from './dataset-split-error';
import { compareLabels } from './emotion-vocabulary';
import { heldOutSideNames, heldOutSides } from './hold-out';
import { resolveSplitOptions, SPLIT_SIDES, type SplitFractions, type SplitKind, type SplitOptions, type SplitSide } from './split-options';
import { summariseSides, type SplitSummary } from './split-summary';
import { buildSplitUnits, type SplittableItem, type SplitUnit, splitStrata } from './split-units';
import { splitWarnings } from './split-warnings';

export interface DatasetSplit {
  readonly kind: SplitKind;
  readonly seed: number;
  readonly fractions: SplitFractions;
  /** The side of each item, in the order given. */
  readonly assignments: readonly SplitSide[];
  /**
   * The training items: the only ones augmentation may copy, so that no copy of a validation or
   * test file (nor of its speaker, in a speaker split) ever trains the model.
   */
  readonly trainIndices: readonly number[];
  readonly validationIndices: readonly number[];
  readonly testIndices: readonly number[];
  readonly summary: SplitSummary;
  /** What the user should know about this split: leakage, labels missing from a side, sizes far from the fractions. */
  readonly warnings: readonly string[];
}

/**
 * Splits labelled items into train, validation and test. By default speaker-independent and
 * stratified: every speaker's files and every exact duplicate stay on one side, and speakers are
 * chosen per side so that each side's label counts come near its fraction of each label. Files with
 * no speaker are shared out one by one (duplicates still together). Deterministic for a seed.
 * Throws a DatasetSplitError with a sentence for the user when the split cannot be done.
 */
export function splitDataset(items: readonly SplittableItem[], options: SplitOptions = {}): DatasetSplit {
  const { kind, fractions, seed, holdOutSpeakers } = resolveSplitOptions(options);
  if (items.length === 0) throw new DatasetSplitError('There are no labelled files to split.');
  const units = buildSplitUnits(items, kind, splitStrata(items));
  return splitUnits(items, units, heldOutSides(units, holdOutSpeakers), { kind, fractions, seed, heldOut: heldOutSideNames(holdOutSpeakers) });
}

/** How `splitUnits` shares out the units that are not placed by hand. */
export interface UnitSplitOptions {
  readonly kind: SplitKind;
  readonly fractions: SplitFractions;
  readonly seed: number;
  /** Sides that hold only the units placed on them (they take no share of the rest). */
  readonly heldOut: readonly SplitSide[];
  /** Corpora placed in training on purpose: no warning that other sides lack them. */
  readonly trainingOnlyCorpora?: readonly string[];
}

/**
 * The split of items grouped into units: units with a side in `held` stay there, the others are
 * shared out over the remaining sides by their fractions, stratified by corpus and label.
 */
export function splitUnits(items: readonly SplittableItem[], units: readonly SplitUnit[], held: readonly (SplitSide | null)[], options: UnitSplitOptions): DatasetSplit {
  const { kind, fractions, seed, heldOut } = options;
  const labels = [...new Set(items.map((item) => item.label))].sort(compareLabels);
  const unitSides = shareOut(units, held, fractions, heldOut, SeededRandom.derive(seed, 'dataset-split'));
  checkSidesFilled(kind, units, unitSides, fractions, heldOut);
  const assignments: SplitSide[] = items.map(() => 'train');
  units.forEach((unit, index) => unit.members.forEach((member) => (assignments[member] = unitSides[index])));
  const sides = summariseSides(items, assignments, labels);
  const indicesOf = (side: SplitSide) => assignments.flatMap((assigned, index) => (assigned === side ? [index] : []));
  return {
    kind,
    seed,
    fractions,
    assignments,
    trainIndices: indicesOf('train'),
    validationIndices: indicesOf('validation'),
    testIndices: indicesOf('test'),
    summary: { sides, joinedSpeakers: kind === 'speaker' ? units.filter((unit) => unit.speakers.length > 1).map((unit) => unit.speakers) : [] },
    warnings: splitWarnings({ kind, sides, labels, fractions, heldOut, trainingOnlyCorpora: options.trainingOnlyCorpora ?? [] }),
  };
}

/** Held-out units on their sides; the rest balanced over the other sides by their fractions. */
function shareOut(
  units: readonly SplitUnit[],
  held: readonly (SplitSide | null)[],
  fractions: SplitFractions,
  heldOut: readonly SplitSide[],
  random: SeededRandom,
): SplitSide[] {
  const free = units.flatMap((_, index) => (held[index] === null ? [index] : []));
  const weights = SPLIT_SIDES.map((side) => (heldOut.includes(side) ? 0 : fractions[side]));
  const freeSides = assignBalanced(free.map((index) => units[index].strataCounts), weights, random);
  const sides = held.map((side) => side ?? 'train');
  free.forEach((unit, position) => (sides[unit] = SPLIT_SIDES[freeSides[position]]));
  return sides;
}

function checkSidesFilled(
  kind: SplitKind,
  units: readonly SplitUnit[],
  unitSides: readonly SplitSide[],
  fractions: SplitFractions,
  heldOut: readonly SplitSide[],
): void {
  const wanted = SPLIT_SIDES.filter((side) => !heldOut.includes(side) && fractions[side] > 0);
  if (wanted.every((side) => unitSides.includes(side))) return;
  const free = units.filter((_, index) => !heldOut.includes(unitSides[index]));
  if (free.length === 0) throw new DatasetSplitError('Every speaker is held out: no files are left for training.');
  const what = kind === 'speaker' ? 'speakers (speakers tied by a duplicate recording count as one)' : 'files (exact duplicates count as one)';
  const advice = kind === 'speaker' ? 'Add speakers, set a fraction to 0, or split by file.' : 'Add files or set a fraction to 0.';
  throw new DatasetSplitError(
    `Splitting into ${wanted.join(', ')} needs at least ${wanted.length} ${what}; there ${free.length === 1 ? 'is' : 'are'} ${free.length}${listSpeakers(kind, free)}. ${advice}`,
  );
}

function listSpeakers(kind: SplitKind, units: readonly SplitUnit[]): string {
  const speakers = units.flatMap((unit) => unit.speakers);
  return kind === 'speaker' && speakers.length > 0 && speakers.length <= 5 ? ` (${speakers.join(', ')})` : '';
}
