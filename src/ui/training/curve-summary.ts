import type { CurveMetric } from './curve-figure';
import type { EpochPoint } from './curve-points';
import { formatLoss, formatPercent } from './format-score';

/** A chart's accessible name: its latest figures in words. */
export function curveSummary(metric: CurveMetric, epochs: readonly EpochPoint[]): string {
  const name = metric === 'loss' ? 'Loss' : 'Accuracy';
  const latest = epochs.at(-1);
  if (latest === undefined) return `${name} chart: no epoch has finished yet.`;
  const format = metric === 'loss' ? formatLoss : formatPercent;
  const training = metric === 'loss' ? latest.loss : latest.accuracy;
  const validation = metric === 'loss' ? latest.validationLoss : latest.validationAccuracy;
  const validationText = validation === null ? '' : `, validation ${format(validation)}`;
  return `${name} chart, epoch ${latest.epoch}: training ${format(training)}${validationText}.`;
}
