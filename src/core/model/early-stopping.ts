import type { BestEpoch, EarlyStoppingOptions, TensorSnapshot } from './training-types';

export interface EarlyStoppingState {
  best: BestEpoch | null;
  epochsWithoutImprovement: number;
}

/** An epoch's validation figures, as early stopping sees them. */
export interface ValidationFigures {
  readonly loss: number;
  readonly uar: number;
}

/**
 * Records an epoch's validation figures: a new best of the monitored one (loss lower, or UAR
 * higher, by more than minDelta) keeps its weights (taken only then, through `weights`) and resets
 * the count; otherwise the count grows.
 */
export function recordEpoch(
  state: EarlyStoppingState, epoch: number, figures: ValidationFigures, options: EarlyStoppingOptions, weights: () => TensorSnapshot[],
): EarlyStoppingState {
  if (state.best === null || isBetter(figures, state.best, options)) {
    return { best: { epoch, valLoss: figures.loss, valUar: figures.uar, weights: weights() }, epochsWithoutImprovement: 0 };
  }
  return { best: state.best, epochsWithoutImprovement: state.epochsWithoutImprovement + 1 };
}

function isBetter(figures: ValidationFigures, best: BestEpoch, options: EarlyStoppingOptions): boolean {
  const minDelta = options.minDelta ?? 0;
  if ((options.monitor ?? 'loss') === 'loss') return figures.loss < best.valLoss - minDelta;
  return figures.uar > (best.valUar ?? Number.NEGATIVE_INFINITY) + minDelta;
}

/** Whether to stop after `epochsDone` epochs: patience used up, and the minimum number trained. */
export function shouldStop(state: EarlyStoppingState, options: EarlyStoppingOptions, epochsDone: number): boolean {
  return epochsDone >= (options.minEpochs ?? 0) && state.epochsWithoutImprovement >= options.patience;
}
