import { type AugmentationKind, type AugmentationSettings, type AugmentationSpec, DEFAULT_AUGMENTATION_SETTINGS } from '../../core/augment';
import type { AugmentationPlan } from '../../../workers/training-data/copy-plan';

export const AUGMENTATION_KINDS: readonly AugmentationKind[] = ['noise', 'stretch', 'pitch', 'shift'];

export const AUGMENTATION_NAMES: Record<AugmentationKind, string> = {
  noise: 'Noise',
  stretch: 'Time stretch',
  pitch: 'Pitch shift',
  shift: 'Time shift',
};

/**
 * Four copies per training clip, one of each of the thesis's augmentations: on speakers held out
 * of training this beat two copies (noise, pitch) by about 4 points of UAR (docs/research).
 */
export const DEFAULT_AUGMENTATION_PLAN: AugmentationPlan = {
  settings: DEFAULT_AUGMENTATION_SETTINGS,
  copies: 4,
};

/** The most copies per clip the form allows: beyond this, memory (about 29 kB per copy) grows faster than accuracy. */
export const MAX_COPIES = 16;

/** The plan with a kind turned on or off, keeping the kinds in the form's order. */
export function withKind(plan: AugmentationPlan, kind: AugmentationKind, on: boolean): AugmentationPlan {
  const kinds = AUGMENTATION_KINDS.filter((candidate) => (candidate === kind ? on : plan.settings.kinds.includes(candidate)));
  return { ...plan, settings: { ...plan.settings, kinds } };
}

/** A sentence for what a copy does, e.g. "noise at 22.4 dB SNR". */
export function describeSpec(spec: AugmentationSpec): string {
  switch (spec.kind) {
    case 'noise':
      return `noise at ${spec.snrDb.toFixed(1)} dB SNR`;
    case 'stretch':
      return `time stretch by ${spec.rate.toFixed(2)} (${spec.rate > 1 ? 'faster' : 'slower'})`;
    case 'pitch':
      return `pitch shift by ${spec.semitones >= 0 ? '+' : ''}${spec.semitones.toFixed(2)} semitones`;
    case 'shift':
      return `time shift by ${spec.seconds >= 0 ? '+' : ''}${spec.seconds.toFixed(2)} s (${spec.mode === 'roll' ? 'rolled round' : 'zero filled'})`;
  }
}

/** What is wrong with the settings for the kinds in use, as sentences; empty when they can be used. */
export function settingsProblems(settings: AugmentationSettings): string[] {
  const problems: string[] = [];
  const check = (kind: AugmentationKind, name: string, min: number, max: number, low: number, high: number) => {
    if (!settings.kinds.includes(kind)) return;
    if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) problems.push(`${name}: the lowest value must not be above the highest.`);
    else if (min < low || max > high) problems.push(`${name}: use values from ${low} to ${high}.`);
  };
  check('noise', 'Noise', settings.noise.snrDb.min, settings.noise.snrDb.max, -10, 60);
  check('stretch', 'Time stretch', settings.stretch.rate.min, settings.stretch.rate.max, 0.5, 2);
  check('pitch', 'Pitch shift', settings.pitch.semitones.min, settings.pitch.semitones.max, -12, 12);
  check('shift', 'Time shift', settings.shift.seconds.min, settings.shift.seconds.max, -2, 2);
  return problems;
}
