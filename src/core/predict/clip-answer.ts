/** A label and its probability. */
export interface LabelProbability {
  readonly label: string;
  readonly probability: number;
}

/**
 * What the studio tells a user about a clip: an emotion, "unsure" (no emotion is likely enough;
 * the two likeliest are named), or "no speech found" (the clip is noise, a tone, clicks or music,
 * so it has no emotion of speech to name).
 */
export type ClipAnswer =
  | { readonly kind: 'emotion'; readonly label: string; readonly confidence: number }
  | { readonly kind: 'unsure'; readonly likeliest: readonly [LabelProbability, LabelProbability] }
  | { readonly kind: 'no-speech'; readonly reason: string };

/** The answer for class probabilities of speech: the top emotion, or unsure below the threshold. */
export function answerOf(labels: readonly string[], probabilities: readonly number[], unsureBelow: number): ClipAnswer {
  const ranked = labels.map((label, index) => ({ label, probability: probabilities[index] })).sort((a, b) => b.probability - a.probability);
  const [first, second] = ranked;
  if (first.probability >= unsureBelow) return { kind: 'emotion', label: first.label, confidence: first.probability };
  return { kind: 'unsure', likeliest: [first, second ?? { label: '', probability: 0 }] };
}

/** The answer in a few words, for tables and the live label: "anger", "unsure: fear or sadness", "no speech". */
export function answerText(answer: ClipAnswer): string {
  if (answer.kind === 'emotion') return answer.label;
  if (answer.kind === 'unsure') return `unsure: ${answer.likeliest[0].label} or ${answer.likeliest[1].label}`;
  return 'no speech found';
}
