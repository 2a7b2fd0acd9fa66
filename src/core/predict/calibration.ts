import { calibrationReport, scoredConfidences } from '../metrics/calibration-error';
import { applyTemperature, fitTemperature } from './temperature';
import { chooseUnsureThreshold, selectiveAccuracy, TARGET_ANSWERED_ACCURACY } from './unsure-threshold';

/**
 * How a model's probabilities are made honest, kept with the model: fitted on its validation
 * speakers after training, used by every prediction.
 */
export interface Calibration {
  /** Softmax temperature (see `applyTemperature`); 1 leaves the probabilities as they are. */
  readonly temperature: number;
  /** A clip whose calibrated top probability is below this is answered "unsure". */
  readonly unsureBelow: number;
  /** What the fit saw on the validation speakers. */
  readonly validation: CalibrationFit;
}

export interface CalibrationFit {
  readonly clips: number;
  /** Expected calibration error (10 bins) before and after the temperature. */
  readonly eceBefore: number;
  readonly eceAfter: number;
  /** Share of validation clips answered at `unsureBelow`, and how often those answers are right. */
  readonly answered: number;
  readonly answeredAccuracy: number;
  readonly targetAccuracy: number;
}

/** No calibration: what a model saved before calibration existed predicts with. */
export const UNCALIBRATED: Pick<Calibration, 'temperature' | 'unsureBelow'> = { temperature: 1, unsureBelow: 0.4 };

/** Fits the temperature and the unsure threshold on validation probabilities (rows x classes) and true classes. */
export function fitCalibration(probabilities: readonly (readonly number[])[], truth: readonly number[]): Calibration {
  const temperature = fitTemperature(probabilities, truth);
  const calibrated = probabilities.map((row) => applyTemperature(row, temperature));
  const scored = scoredConfidences(calibrated, truth);
  const unsureBelow = chooseUnsureThreshold(scored);
  const { answered, accuracy } = selectiveAccuracy(scored, unsureBelow);
  return {
    temperature,
    unsureBelow,
    validation: {
      clips: probabilities.length,
      eceBefore: calibrationReport(scoredConfidences(probabilities, truth)).expectedCalibrationError,
      eceAfter: calibrationReport(scored).expectedCalibrationError,
      answered,
      answeredAccuracy: accuracy,
      targetAccuracy: TARGET_ANSWERED_ACCURACY,
    },
  };
}
