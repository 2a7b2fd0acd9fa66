import { describe, expect, it } from 'vitest';
import { trainingProgress } from './training-progress';

describe('trainingProgress', () => {
  it('counts finished batches over all epochs and extrapolates the time left', () => {
    expect(trainingProgress({ epoch: 2, batch: 4 }, 10, 10, 30)).toEqual({ done: 15, total: 100, etaSeconds: 170 });
  });

  it('has no estimate before the first batch', () => {
    expect(trainingProgress(null, 5, 20, 0)).toEqual({ done: 0, total: 100, etaSeconds: null });
  });

  it('paces a resumed run by the batches done since it resumed', () => {
    expect(trainingProgress({ epoch: 4, batch: 9 }, 10, 10, 20, 30)).toEqual({ done: 40, total: 100, etaSeconds: 120 });
    expect(trainingProgress(null, 10, 10, 0, 30)).toEqual({ done: 30, total: 100, etaSeconds: null });
  });
});
