import type { PredictionRow } from './prediction-run.svelte';
import { isCorrect } from './prediction-csv';

/** The counts the page reports over a run: done, unreadable, and accuracy where names tell the emotion. */
export interface PredictionSummary {
  readonly predicted: number;
  readonly failed: number;
  readonly labelled: number;
  readonly correct: number;
}

export function predictionSummary(rows: readonly PredictionRow[]): PredictionSummary {
  let predicted = 0;
  let failed = 0;
  let labelled = 0;
  let correct = 0;
  for (const row of rows) {
    if (row.status === 'failed') {
      failed++;
      continue;
    }
    predicted++;
    const { prediction, truth } = row.result;
    const verdict = isCorrect(truth, prediction.labels[prediction.predicted]);
    if (verdict === null) continue;
    labelled++;
    if (verdict) correct++;
  }
  return { predicted, failed, labelled, correct };
}
