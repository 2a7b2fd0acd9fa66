import { describe, expect, it } from 'vitest';
import { FeatureStandardiser } from '../features/feature-standardiser';
import { ModelFileError } from './model-file-error';
import { parseModelMetadata, parseModelName } from './model-metadata';
import { sampleMetadata, sampleMetrics } from './test-support/sample-metadata';

function refusal(value: unknown): string {
  try {
    parseModelMetadata(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFileError);
    return (error as Error).message;
  }
  throw new Error('the metadata was accepted');
}

/** The sample metadata as plain JSON with one change made by `edit`. */
function edited(edit: (json: Record<string, any>) => void): unknown {
  const json = JSON.parse(JSON.stringify(sampleMetadata()));
  edit(json);
  return json;
}

describe('parseModelMetadata', () => {
  it('returns valid metadata unchanged, through a JSON round trip', () => {
    const metadata = sampleMetadata({ metrics: { validation: sampleMetrics(sampleMetadata().labels), test: sampleMetrics(sampleMetadata().labels, 5, 5) } });
    expect(parseModelMetadata(JSON.parse(JSON.stringify(metadata)))).toEqual(metadata);
  });

  it('reads what the model takes as input: MFCC unless it says log-mel, with a normalisation of that many bins', () => {
    expect(parseModelMetadata(sampleMetadata()).featureConfig).not.toHaveProperty('modelInput');
    const mels = sampleMetadata().featureConfig.nMels;
    const logMel = edited((json) => {
      json.featureConfig.modelInput = 'log-mel';
      json.normalisation = { mean: Array(mels).fill(0), std: Array(mels).fill(1) };
    });
    expect(parseModelMetadata(logMel).featureConfig.modelInput).toBe('log-mel');
    expect(refusal(edited((json) => (json.featureConfig.modelInput = 'log-mel')))).toMatch(/the normalisation has 40 means and 40 standard deviations, but the features have 128 values a frame/);
    expect(refusal(edited((json) => (json.featureConfig.modelInput = 'spectrogram')))).toMatch(/modelInput/);
  });

  it('reads the calibration when present, and refuses a temperature of 0', () => {
    const calibration = { temperature: 2, unsureBelow: 0.45, validation: { clips: 100, eceBefore: 0.2, eceAfter: 0.05, answered: 0.8, answeredAccuracy: 0.76, targetAccuracy: 0.75 } };
    expect(parseModelMetadata(edited((json) => (json.calibration = calibration))).calibration).toEqual(calibration);
    expect(refusal(edited((json) => (json.calibration = { ...calibration, temperature: 0 })))).toMatch(/calibration\.temperature/);
  });

  it('reads the weight averaging decay when present (older models have none) and refuses one outside [0, 1)', () => {
    const averaged = edited((json) => (json.training.weightAveraging = 0.999));
    expect(parseModelMetadata(averaged).training.weightAveraging).toBe(0.999);
    expect(parseModelMetadata(sampleMetadata()).training).not.toHaveProperty('weightAveraging');
    expect(refusal(edited((json) => (json.training.weightAveraging = 1)))).toMatch(/"training\.weightAveraging" must be a finite number from 0 to 0\.99999, not 1/);
  });

  it('reads the masking when present, null for none, and refuses a fractional width', () => {
    const masking = { coefficientMasks: 2, maxCoefficients: 8, frameMasks: 2, maxFrames: 20 };
    expect(parseModelMetadata(edited((json) => (json.training.masking = masking))).training.masking).toEqual(masking);
    expect(parseModelMetadata(edited((json) => (json.training.masking = null))).training.masking).toBeNull();
    expect(refusal(edited((json) => (json.training.masking = { ...masking, maxFrames: 2.5 })))).toMatch(/"training\.masking\.maxFrames" must be/);
  });

  it('keeps a normalisation that FeatureStandardiser reads back', () => {
    const { normalisation, featureConfig } = parseModelMetadata(sampleMetadata());
    expect(FeatureStandardiser.fromJSON(normalisation, featureConfig.nMfcc).bins).toBe(40);
  });

  it('names the field and says what it must be', () => {
    expect(refusal(edited((json) => delete json.labels))).toBe('The model\'s metadata is not valid: "labels" must be a non-empty array of at most 1000 elements, not missing.');
    expect(refusal(edited((json) => (json.metrics.validation.accuracy = 1.5)))).toBe(
      'The model\'s metadata is not valid: "metrics.validation.accuracy" must be a finite number from 0 to 1, not 1.5.',
    );
    expect(refusal(edited((json) => (json.split.kind = 'by-vibes')))).toMatch(/"split\.kind" must be one of "speaker", "file", "random-leaky", not "by-vibes"/);
    expect(refusal(edited((json) => (json.featureConfig.nFft = 2000)))).toMatch(/"featureConfig\.nFft" must be a power of two, not 2000/);
    expect(refusal(edited((json) => (json.training.augmentation.kinds = ['noise', 'reverb'])))).toMatch(/"training\.augmentation\.kinds\[1\]" must be one of noise, stretch, pitch, shift, not "reverb"/);
    expect(refusal('metadata')).toMatch(/must be an object, not "metadata"/);
  });

  it('refuses repeated or too few labels, and metrics for other labels', () => {
    expect(refusal(edited((json) => (json.labels[1] = json.labels[0])))).toMatch(/the label "anger" appears more than once/);
    expect(refusal(edited((json) => (json.labels = ['anger'])))).toMatch(/needs at least two labels; it has 1/);
    expect(refusal(edited((json) => json.metrics.validation.confusionMatrix.pop()))).toMatch(/confusion matrix that is not 7 × 7/);
    expect(refusal(edited((json) => (json.metrics.validation.classes[0].label = 'rage')))).toMatch(/scores the classes rage, disgust/);
    expect(refusal(edited((json) => (json.metrics.validation.classes[0].support = 3)))).toMatch(/gives anger a support that differs from its row/);
  });

  it('refuses a negative std, an id that cannot be a storage key, a bad date and metadata from a newer studio', () => {
    expect(refusal(edited((json) => (json.normalisation.std[0] = -1)))).toMatch(/"normalisation\.std\[0\]" must be a finite number of at least 0, not -1/);
    expect(refusal(edited((json) => (json.id = '../other')))).toMatch(/"id" must be up to 64 letters, digits/);
    expect(refusal(edited((json) => (json.createdAt = 'yesterday')))).toMatch(/"createdAt" must be a date and time in ISO 8601 form/);
    expect(refusal(edited((json) => (json.version = 2)))).toMatch(/saved by a newer SER Studio \(metadata version 2\)/);
  });
});

describe('parseModelName', () => {
  it('trims a name and refuses an empty or overlong one', () => {
    expect(parseModelName('  CNN v2 ')).toBe('CNN v2');
    expect(() => parseModelName('   ')).toThrow(/needs a name/);
    expect(() => parseModelName('x'.repeat(201))).toThrow(/at most 200 characters long; this one has 201/);
  });
});
