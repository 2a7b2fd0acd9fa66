import type { ScoredConfidence } from '../metrics/calibration-error';

/** What the answers a model gives (not "unsure") should reach on validation speakers. */
export const TARGET_ANSWERED_ACCURACY = 0.75;
/** Bounds of the threshold: below 0.4 a label is more likely wrong than right even when calibrated; above 0.9 a model would hardly ever answer. */
export const UNSURE_THRESHOLD_RANGE: readonly [number, number] = [0.4, 0.9];

/**
 * The confidence below which a model says "unsure": the lowest threshold at which the clips it
 * still answers on validation are right at least `target` of the time, within the range. Chosen
 * on calibrated probabilities of validation speakers, never on a test set.
 */
export function chooseUnsureThreshold(validation: readonly ScoredConfidence[], target = TARGET_ANSWERED_ACCURACY): number {
  const [floor, ceiling] = UNSURE_THRESHOLD_RANGE;
  const sorted = [...validation].sort((a, b) => b.confidence - a.confidence);
  let correct = 0;
  let threshold = ceiling;
  for (const [index, clip] of sorted.entries()) {
    correct += clip.correct ? 1 : 0;
    // Only where the next clip is less confident can the threshold fall between them.
    const next = sorted[index + 1];
    if (next !== undefined && next.confidence === clip.confidence) continue;
    if (correct / (index + 1) >= target) threshold = Math.min(threshold, clip.confidence);
  }
  return Math.min(ceiling, Math.max(floor, threshold));
}

/** Share of clips answered at a threshold, and the accuracy of those answers. */
export function selectiveAccuracy(scored: readonly ScoredConfidence[], unsureBelow: number): { readonly answered: number; readonly accuracy: number } {
  const answered = scored.filter((clip) => clip.confidence >= unsureBelow);
  return {
    answered: scored.length === 0 ? 0 : answered.length / scored.length,
    accuracy: answered.length === 0 ? 0 : answered.filter((clip) => clip.correct).length / answered.length,
  };
}
