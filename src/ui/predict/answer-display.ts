import type { ClipAnswer } from '../../core/predict/clip-answer';
import { formatPercent } from '../training/format-score';

/** The answer as a table cell says it: "anger", "Unsure: fear or sadness", "No speech found". */
export function answerLabel(answer: ClipAnswer): string {
  if (answer.kind === 'emotion') return answer.label;
  if (answer.kind === 'unsure') return `Unsure: ${answer.likeliest[0].label} or ${answer.likeliest[1].label}`;
  return 'No speech found';
}

/** The confidence cell: the emotion's probability, the likeliest one's when unsure, none without speech. */
export function answerConfidence(answer: ClipAnswer): string {
  if (answer.kind === 'emotion') return formatPercent(answer.confidence);
  if (answer.kind === 'unsure') return formatPercent(answer.likeliest[0].probability);
  return '–';
}

/** The answer in a sentence, for the details. */
export function answerSentence(answer: ClipAnswer): string {
  if (answer.kind === 'emotion') return `Predicted ${answer.label} (${formatPercent(answer.confidence)}).`;
  if (answer.kind === 'unsure') {
    const [first, second] = answer.likeliest;
    return `Unsure: no emotion is likely enough to name. The likeliest are ${first.label} (${formatPercent(first.probability)}) and ${second.label} (${formatPercent(second.probability)}).`;
  }
  return `No speech found: ${answer.reason}.`;
}

/** Whether an answer names the true emotion: null when the clip has no known label or the model gave no emotion. */
export function answerIsCorrect(answer: ClipAnswer, truth: { readonly kind: string; readonly label: string } | null): boolean | null {
  if (truth?.kind !== 'known' || answer.kind !== 'emotion') return null;
  return answer.label === truth.label;
}
