import type { SeededRandom } from '../random/seeded-random';
import type { AugmentationSettings, ParameterRange } from './augmentation-settings';
import type { AugmentationKind, AugmentationSpec } from './augmentation-spec';

/**
 * `count` concrete augmentations for one clip: copy i is of kind settings.kinds[i mod kinds.length],
 * its parameter drawn from that kind's range with `random` (so the same seed gives the same plan).
 * No kinds, no copies.
 */
export function drawAugmentations(settings: AugmentationSettings, count: number, random: SeededRandom): AugmentationSpec[] {
  if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`count must be a whole number >= 0 (got ${count})`);
  if (settings.kinds.length === 0) return [];
  return Array.from({ length: count }, (_, i) => drawOne(settings.kinds[i % settings.kinds.length], settings, random));
}

function drawOne(kind: AugmentationKind, settings: AugmentationSettings, random: SeededRandom): AugmentationSpec {
  switch (kind) {
    case 'noise':
      return { kind, snrDb: uniform(settings.noise.snrDb, random) };
    case 'stretch':
      return { kind, rate: uniform(settings.stretch.rate, random) };
    case 'pitch':
      return { kind, semitones: onGrid(settings.pitch.semitones, settings.pitch.step, random) };
    case 'shift':
      return { kind, seconds: uniform(settings.shift.seconds, random), mode: settings.shift.mode };
  }
}

function uniform({ min, max }: ParameterRange, random: SeededRandom): number {
  checkRange(min, max);
  return min + (max - min) * random.next();
}

/** A multiple of `step` in [min, max], each equally likely; uniform in [min, max] when step is 0. */
function onGrid(range: ParameterRange, step: number, random: SeededRandom): number {
  if (!(step >= 0 && Number.isFinite(step))) throw new RangeError(`step must be finite and >= 0 (got ${step})`);
  if (step === 0) return uniform(range, random);
  checkRange(range.min, range.max);
  // The slack keeps an end that is a multiple in decimal (0.3 / 0.1 = 2.9999999999999996) in the grid.
  const first = Math.ceil(range.min / step - 1e-9);
  const last = Math.floor(range.max / step + 1e-9);
  if (last < first) throw new RangeError(`no multiple of ${step} in [${range.min}, ${range.max}]`);
  return (first + random.nextInt(last - first + 1)) * step;
}

function checkRange(min: number, max: number): void {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) throw new RangeError(`bad range [${min}, ${max}]`);
}
