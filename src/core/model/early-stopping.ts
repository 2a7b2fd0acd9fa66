import type { BestEpoch, EarlyStoppingOptions, TensorSnapshot } from './training-types';

export interface EarlyStoppingState {
  best: BestEpoch | null;
  epochsWithoutImprovement: number;
}

/**
 * Records an epoch's validation loss: a new best (lower by more than minDelta) keeps its weights
 * (taken only then, through `weights`) and resets the count; otherwise the count grows.
 */
export function recordEpoch(
  state: EarlyStoppingState, epoch: number, valLoss: number, options: EarlyStoppingOptions, weights: () => TensorSnapshot[],
): EarlyStoppingState {
  const minDelta = options.minDelta ?? 0;
  if (state.best === null || valLoss < state.best.valLoss - minDelta) {
    return { best: { epoch, valLoss, weights: weights() }, epochsWithoutImprovement: 0 };
  }
  return { best: state.best, epochsWithoutImprovement: state.epochsWithoutImprovement + 1 };
}

export function shouldStop(state: EarlyStoppingState, options: EarlyStoppingOptions): boolean {
  return state.epochsWithoutImprovement >= options.patience;
}
