/** How much each update leans on the ones before: the weight of the previous smoothed value. */
export const SMOOTHING_LEVELS = { off: 0, light: 0.5, strong: 0.8 } as const;
export type SmoothingLevel = keyof typeof SMOOTHING_LEVELS;

/** Exponential moving average of probability vectors; a new session (or none before) starts from the update itself. */
export function smoothProbabilities(previous: readonly number[] | null, next: readonly number[], level: SmoothingLevel): number[] {
  const weight = SMOOTHING_LEVELS[level];
  if (previous === null || previous.length !== next.length || weight === 0) return [...next];
  return next.map((value, index) => weight * previous[index] + (1 - weight) * value);
}
