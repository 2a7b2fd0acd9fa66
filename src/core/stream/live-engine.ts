import { conformAudio } from '../audio/load-audio';
import type { ClipAnswer } from '../predict/clip-answer';
import type { EmotionPredictor } from '../predict/emotion-predictor';
import { isVoiced, levelDbfs } from './voice-activity';

export interface LiveSettings {
  /** Seconds between updates. */
  readonly hopSeconds: number;
  /** Level (dBFS) of the last hop below which the update reads as silence. */
  readonly voiceThresholdDb: number;
}

export const DEFAULT_LIVE_SETTINGS: LiveSettings = { hopSeconds: 0.5, voiceThresholdDb: -45 };

/** One live update: the window it is about (frames of the input stream), its level, and the prediction unless it is silence. */
export interface LiveUpdate {
  readonly index: number;
  /** Input frames [start, end) of the window predicted. */
  readonly windowStart: number;
  readonly windowEnd: number;
  /** Level of the last hop, in dBFS, and whether it reaches the voice threshold. */
  readonly levelDb: number;
  readonly voiced: boolean;
  /** Class probabilities in the model's label order; null for silence (nothing is predicted). */
  readonly probabilities: readonly number[] | null;
  /** What to show: the emotion, "unsure" or "no speech found"; null for silence. */
  readonly answer: ClipAnswer | null;
  /** Milliseconds spent on this update: resampling, features and the model. */
  readonly computeMs: number;
  /** Updates skipped because the input ran ahead of the computation (0 when it keeps up). */
  readonly skipped: number;
}

/**
 * The live path: keeps the last model window of the input stream at its own rate and, every hop,
 * predicts that window through the same path as a file (resample, features, standardise, model),
 * so a live window's probabilities equal the offline prediction of the same samples. Silence (by
 * the level of the last hop) is reported as silence, not as an emotion.
 */
export class LiveEngine {
  readonly inputRate: number;
  #settings: LiveSettings;
  readonly #predictor: EmotionPredictor;
  readonly #history: Float32Array;
  #received = 0;
  #nextUpdateAt: number;
  #index = 0;

  constructor(predictor: EmotionPredictor, inputRate: number, settings: LiveSettings = DEFAULT_LIVE_SETTINGS) {
    this.#predictor = predictor;
    this.inputRate = inputRate;
    this.#settings = settings;
    this.#history = new Float32Array(this.windowFrames);
    this.#nextUpdateAt = this.#hopFrames();
  }

  /** Input frames in one model window: the model's window in seconds, at the input's rate (rounded down, so it never exceeds the window). */
  get windowFrames(): number {
    const { fixedLength, sampleRate } = this.#predictor.config;
    return Math.floor(((fixedLength ?? sampleRate * 4.2) * this.inputRate) / sampleRate);
  }

  get received(): number {
    return this.#received;
  }

  set settings(settings: LiveSettings) {
    this.#settings = settings;
    this.#nextUpdateAt = Math.min(this.#nextUpdateAt, this.#received + this.#hopFrames());
  }

  /** Appends input samples. */
  push(samples: Float32Array): void {
    const size = this.#history.length;
    if (samples.length >= size) this.#history.set(samples.subarray(samples.length - size));
    else {
      this.#history.copyWithin(0, samples.length);
      this.#history.set(samples, size - samples.length);
    }
    this.#received += samples.length;
  }

  /** Whether a hop has passed since the last update. */
  get due(): boolean {
    return this.#received >= this.#nextUpdateAt;
  }

  /** The update for the latest window; hops the computation fell behind on are skipped, not queued. */
  async update(): Promise<LiveUpdate> {
    const started = performance.now();
    const hop = this.#hopFrames();
    const skipped = Math.max(0, Math.floor((this.#received - this.#nextUpdateAt) / hop));
    this.#nextUpdateAt = this.#received + hop;
    const windowEnd = this.#received;
    const length = Math.min(this.#received, this.#history.length);
    const window = this.#history.slice(this.#history.length - length);
    const levelDb = levelDbfs(window.subarray(Math.max(0, length - hop)));
    const voiced = isVoiced(levelDb, this.#settings.voiceThresholdDb);
    const prediction = voiced ? await this.#predictor.predictClip(this.#conform(window)) : null;
    const [probabilities, answer] = [prediction?.probabilities ?? null, prediction?.answer ?? null];
    return { index: this.#index++, windowStart: windowEnd - length, windowEnd, levelDb, voiced, probabilities, answer, computeMs: performance.now() - started, skipped };
  }

  /** The window at the model's rate, as a file's samples would be; never longer than the model's window. */
  #conform(window: Float32Array): Float32Array {
    const samples = conformAudio({ channels: [window], sampleRate: this.inputRate, sourceFormat: 'Microphone' }, this.#predictor.config.sampleRate).samples;
    const limit = this.#predictor.config.fixedLength;
    return limit !== null && samples.length > limit ? samples.subarray(0, limit) : samples;
  }

  #hopFrames(): number {
    return Math.max(1, Math.round(this.#settings.hopSeconds * this.inputRate));
  }
}
