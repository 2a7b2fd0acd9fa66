import * as tf from '@tensorflow/tfjs';
import { type FeatureConfig, modelInputBins } from '../features/feature-config';
import { FeatureExtractor } from '../features/feature-extractor';
import { FeatureStandardiser, type FeatureStandardiserJson } from '../features/feature-standardiser';
import { speechPresence } from '../audio/speech-presence';
import type { DatasetSummary } from '../model-library/model-metadata';
import { type Calibration, UNCALIBRATED } from './calibration';
import { answerOf } from './clip-answer';
import { argmax, type ClipPrediction, type WindowPrediction } from './clip-prediction';
import { applyTemperature } from './temperature';
import { predictionWindows, type WindowSpan } from './prediction-windows';

/** What a predictor needs to know of the model it runs: the model's record, in short. */
export interface PredictorSpec {
  readonly labels: readonly string[];
  readonly featureConfig: FeatureConfig;
  readonly normalisation: FeatureStandardiserJson;
  /** Fitted on validation speakers after training; a model without it predicts uncalibrated. */
  readonly calibration?: Pick<Calibration, 'temperature' | 'unsureBelow'>;
  /** What the model trained on: the voices it has heard. */
  readonly dataset?: Pick<DatasetSummary, 'speakers' | 'trainingSpeakers'>;
}

/** Windows overlap by half, so every moment of a long clip is heard in the middle of some window. */
const HOP_FRACTION = 0.5;
/** Windows per forward pass: bounds memory for clips of any length. */
const WINDOW_BATCH = 64;

/**
 * The one prediction path: samples at the model's rate -> MFCC per window -> standardised with the
 * training statistics -> the model -> class probabilities averaged over windows. Every way a clip
 * enters the studio (test ZIPs, dropped files, recordings, live) ends here, so it predicts the same.
 */
export class EmotionPredictor {
  readonly labels: readonly string[];
  readonly config: FeatureConfig;
  /**
   * Speakers whose voices trained the model: a test file of one of them measures a voice it
   * knows. Models saved before training speakers were kept name every speaker of their dataset.
   */
  readonly heardSpeakers: ReadonlySet<string>;
  readonly #model: tf.LayersModel;
  readonly #extractor: FeatureExtractor;
  readonly #standardiser: FeatureStandardiser;
  readonly #calibration: Pick<Calibration, 'temperature' | 'unsureBelow'>;

  constructor(model: tf.LayersModel, spec: PredictorSpec) {
    const outputs = (model.outputs[0].shape as (number | null)[]).at(-1);
    if (outputs !== spec.labels.length) throw new RangeError(`The model has ${outputs} outputs but ${spec.labels.length} labels.`);
    this.labels = spec.labels;
    this.config = spec.featureConfig;
    this.#model = model;
    this.#extractor = new FeatureExtractor(spec.featureConfig);
    this.#standardiser = FeatureStandardiser.fromJSON(spec.normalisation, modelInputBins(spec.featureConfig));
    this.#calibration = spec.calibration ?? UNCALIBRATED;
    this.heardSpeakers = new Set(spec.dataset?.trainingSpeakers ?? spec.dataset?.speakers ?? []);
  }

  /** A clip is answered "unsure" when its top probability is below this. */
  get unsureBelow(): number {
    return this.#calibration.unsureBelow;
  }

  /**
   * Samples of one clip, mono at `config.sampleRate`. The probabilities are calibrated (the model's
   * temperature per window); the answer is "no speech found" when the speech check refuses the
   * clip, "unsure" below the model's threshold, else the top emotion.
   */
  async predictClip(samples: Float32Array): Promise<ClipPrediction> {
    const windowLength = this.config.fixedLength ?? Math.max(samples.length, 1);
    const spans = predictionWindows(samples.length, windowLength, Math.max(1, Math.round(windowLength * HOP_FRACTION)));
    const rows: number[][] = [];
    for (let first = 0; first < spans.length; first += WINDOW_BATCH) {
      rows.push(...(await this.#predictWindows(samples, spans.slice(first, first + WINDOW_BATCH))));
    }
    const rate = this.config.sampleRate;
    const windows: WindowPrediction[] = spans.map((span, index) => ({ startSeconds: span.start / rate, endSeconds: span.end / rate, probabilities: rows[index] }));
    const probabilities = this.labels.map((_, c) => rows.reduce((sum, row) => sum + row[c], 0) / rows.length);
    const presence = speechPresence(samples, rate);
    const answer = presence.speech ? answerOf(this.labels, probabilities, this.#calibration.unsureBelow) : { kind: 'no-speech' as const, reason: presence.reason ?? '' };
    return { labels: this.labels, probabilities, predicted: argmax(probabilities), windows, answer };
  }

  /** The model's probabilities for each window, one array per window. */
  async #predictWindows(samples: Float32Array, spans: readonly WindowSpan[]): Promise<number[][]> {
    const matrices = spans.map((span) => this.#standardiser.apply(this.#extractor.modelInput(samples.subarray(span.start, span.end))));
    const { frames, bins } = matrices[0];
    const input = new Float32Array(matrices.length * frames * bins);
    matrices.forEach((matrix, index) => input.set(matrix.data, index * frames * bins));
    const output = tf.tidy(() => this.#model.predict(tf.tensor3d(input, [matrices.length, frames, bins])) as tf.Tensor);
    try {
      return ((await output.array()) as number[][]).map((row) => applyTemperature(row, this.#calibration.temperature));
    } finally {
      output.dispose();
    }
  }

  dispose(): void {
    this.#model.dispose();
  }
}
