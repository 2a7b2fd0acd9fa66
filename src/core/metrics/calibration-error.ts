import { argmax } from '../predict/clip-prediction';

/** One confidence bin of a reliability diagram. */
export interface ReliabilityBin {
  /** The bin's range of confidence (top probability): [lower, upper). The last bin includes 1. */
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  /** Mean confidence and accuracy of the clips in the bin; 0 for an empty bin. */
  readonly meanConfidence: number;
  readonly accuracy: number;
}

/** How well a model's confidence matches how often it is right. */
export interface CalibrationReport {
  readonly bins: readonly ReliabilityBin[];
  /**
   * Expected calibration error: the gap between confidence and accuracy per bin, weighted by the
   * bin's share of clips (Guo et al. 2017, equal-width bins). 0 is perfect.
   */
  readonly expectedCalibrationError: number;
  readonly meanConfidence: number;
  readonly accuracy: number;
}

/** A clip's top probability and whether its top class is the true one. */
export interface ScoredConfidence {
  readonly confidence: number;
  readonly correct: boolean;
}

export const DEFAULT_CALIBRATION_BINS = 10;

export function calibrationReport(scored: readonly ScoredConfidence[], binCount = DEFAULT_CALIBRATION_BINS): CalibrationReport {
  const bins = Array.from({ length: binCount }, (_, index) => ({ index, confidence: 0, correct: 0, count: 0 }));
  for (const { confidence, correct } of scored) {
    const bin = bins[Math.min(binCount - 1, Math.max(0, Math.floor(confidence * binCount)))];
    bin.count++;
    bin.confidence += confidence;
    bin.correct += correct ? 1 : 0;
  }
  const total = scored.length;
  const ece = bins.reduce((sum, bin) => (bin.count === 0 ? sum : sum + (bin.count / total) * Math.abs(bin.correct / bin.count - bin.confidence / bin.count)), 0);
  return {
    bins: bins.map(({ index, confidence, correct, count }) => ({
      lower: index / binCount,
      upper: (index + 1) / binCount,
      count,
      meanConfidence: count === 0 ? 0 : confidence / count,
      accuracy: count === 0 ? 0 : correct / count,
    })),
    expectedCalibrationError: total === 0 ? 0 : ece,
    meanConfidence: total === 0 ? 0 : scored.reduce((sum, item) => sum + item.confidence, 0) / total,
    accuracy: total === 0 ? 0 : scored.filter((item) => item.correct).length / total,
  };
}

/** Top probability and correctness of each row of class probabilities. */
export function scoredConfidences(probabilities: readonly (readonly number[])[], truth: readonly number[]): ScoredConfidence[] {
  return probabilities.map((row, index) => {
    const best = argmax(row);
    return { confidence: row[best], correct: best === truth[index] };
  });
}
