import type { ClipAnswer } from './clip-answer';

/** The model's class probabilities for one window of a clip. */
export interface WindowPrediction {
  /** Seconds from the start of the clip. */
  readonly startSeconds: number;
  readonly endSeconds: number;
  /** One probability per class, in the order of the model's labels. */
  readonly probabilities: readonly number[];
}

/** A clip's prediction: probabilities averaged over its windows, and the windows themselves (the timeline). */
export interface ClipPrediction {
  readonly labels: readonly string[];
  readonly probabilities: readonly number[];
  /** Index into `labels` of the most probable class. */
  readonly predicted: number;
  readonly windows: readonly WindowPrediction[];
  /** What the user is told: the emotion, "unsure" or "no speech found". */
  readonly answer: ClipAnswer;
}

/** The predicted label and its probability. */
export function topClass(prediction: ClipPrediction): { readonly label: string; readonly confidence: number } {
  return { label: prediction.labels[prediction.predicted], confidence: prediction.probabilities[prediction.predicted] };
}

/** Index of the largest value (the first of equals). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let index = 1; index < values.length; index++) if (values[index] > values[best]) best = index;
  return best;
}
