import type { PredictionRow } from './prediction-run.svelte';
import { answerIsCorrect } from './answer-display';

/**
 * The counts the page reports over a run: done, unreadable, and where names tell the emotion, how
 * many were answered with an emotion (not "unsure" or "no speech found") and how many of those right.
 */
export interface PredictionSummary {
  readonly predicted: number;
  readonly failed: number;
  readonly labelled: number;
  readonly answered: number;
  readonly correct: number;
}

export function predictionSummary(rows: readonly PredictionRow[]): PredictionSummary {
  let predicted = 0;
  let failed = 0;
  let labelled = 0;
  let answered = 0;
  let correct = 0;
  for (const row of rows) {
    if (row.status === 'failed') {
      failed++;
      continue;
    }
    predicted++;
    const { prediction, truth } = row.result;
    if (truth?.kind !== 'known') continue;
    labelled++;
    const verdict = answerIsCorrect(prediction.answer, truth);
    if (verdict === null) continue;
    answered++;
    if (verdict) correct++;
  }
  return { predicted, failed, labelled, answered, correct };
}
