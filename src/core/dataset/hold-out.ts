import { DatasetSplitError } from './dataset-split-error';
import type { HoldOutSide, SplitOptions, SplitSide } from './split-options';
import type { SplitUnit } from './split-units';

type HoldOut = NonNullable<SplitOptions['holdOutSpeakers']>;

/** The sides that hold exactly the speakers the user named for them. */
export function heldOutSideNames(holdOut: HoldOut): HoldOutSide[] {
  return (['validation', 'test'] as const).filter((side) => (holdOut[side]?.length ?? 0) > 0);
}

/** The side each unit is held out for, or null for units the split shares out. */
export function heldOutSides(units: readonly SplitUnit[], holdOut: HoldOut): (SplitSide | null)[] {
  const sideBySpeaker = holdOutSpeakerSides(holdOut);
  const known = new Set(units.flatMap((unit) => unit.speakers));
  const unknown = [...sideBySpeaker.keys()].filter((speaker) => !known.has(speaker));
  if (unknown.length > 0) {
    throw new DatasetSplitError(`Cannot hold out ${quoteList(unknown)}: no file in the dataset has ${unknown.length > 1 ? 'these speakers' : 'this speaker'}.`);
  }
  return units.map((unit) => {
    const sides = [...new Set(unit.speakers.flatMap((speaker) => sideBySpeaker.get(speaker) ?? []))];
    if (sides.length > 1) {
      throw new DatasetSplitError(
        `Speakers ${quoteList(unit.speakers)} share a recording (an exact duplicate), so they must be on one side; they cannot be held out for both validation and test.`,
      );
    }
    return sides[0] ?? null;
  });
}

function holdOutSpeakerSides(holdOut: HoldOut): Map<string, HoldOutSide> {
  const sideBySpeaker = new Map<string, HoldOutSide>();
  for (const side of heldOutSideNames(holdOut)) {
    for (const speaker of holdOut[side] ?? []) {
      const earlier = sideBySpeaker.get(speaker);
      if (earlier !== undefined && earlier !== side) {
        throw new DatasetSplitError(`Speaker "${speaker}" is held out for both validation and test; choose one.`);
      }
      sideBySpeaker.set(speaker, side);
    }
  }
  return sideBySpeaker;
}

function quoteList(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}
