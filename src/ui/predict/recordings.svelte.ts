import { waveformPeaks, type WaveformPeaks } from '../../core/audio/waveform-peaks';
import { encodeWav16 } from '../../core/audio/wav-writer';
import type { ClipRecorder } from '../../browser/microphone/clip-recorder';
import { MicrophoneError } from '../../browser/microphone/microphone-error';
import type { LazyPredictionClient } from './lazy-prediction-client';
import type { FilePrediction } from './prediction-client';
import { PredictionFailure } from './prediction-failure';

/** One recorded clip, kept as a WAV so it can be played, predicted and inspected like a file. */
export interface Recording {
  readonly key: number;
  /** The time stamp it was recorded at, as its name. */
  readonly name: string;
  readonly wav: Blob;
  readonly samples: Float32Array;
  readonly sampleRate: number;
  readonly status: 'recorded' | 'predicting' | 'done' | 'failed';
  readonly result?: FilePrediction;
  readonly message?: string;
}

// Shorter than this is a click on Stop right after Record: nothing to predict.
const MIN_SECONDS = 0.3;
const WAVEFORM_COLUMNS = 1200;

/** The Record part of the Predict page: the recorder's state and the recordings made on this page. */
export class RecordingList {
  items = $state.raw<readonly Recording[]>([]);
  phase = $state<'idle' | 'starting' | 'recording' | 'stopping'>('idle');
  level = $state(0);
  seconds = $state(0);
  failure = $state('');
  /** The waveform of the last recording, shown under the recorder. */
  lastWaveform = $state.raw<WaveformPeaks | null>(null);

  readonly #client: LazyPredictionClient;
  #recorder: ClipRecorder | null = null;
  #nextKey = 1;

  constructor(client: LazyPredictionClient) {
    this.#client = client;
  }

  get pending(): number {
    return this.items.filter((item) => item.status === 'recorded').length;
  }

  async record(): Promise<void> {
    if (this.phase !== 'idle') return;
    this.failure = '';
    this.phase = 'starting';
    try {
      const { ClipRecorder } = await import('../../browser/microphone/clip-recorder');
      this.#recorder = await ClipRecorder.start((peak, seconds) => {
        this.level = peak;
        this.seconds = seconds;
      });
      this.seconds = 0;
      this.phase = 'recording';
    } catch (error) {
      this.failure = error instanceof MicrophoneError ? error.message : `The recording could not start: ${error instanceof Error ? error.message : String(error)}`;
      this.phase = 'idle';
    }
  }

  async stop(): Promise<void> {
    if (this.phase !== 'recording' || !this.#recorder) return;
    this.phase = 'stopping';
    const clip = await this.#recorder.stop();
    this.#recorder = null;
    this.phase = 'idle';
    this.level = 0;
    if (clip.samples.length < MIN_SECONDS * clip.sampleRate) {
      this.failure = 'The recording was too short to predict: hold Record for at least a second while you speak.';
      return;
    }
    const name = `Recording ${new Date().toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' })}`;
    const wav = new Blob([encodeWav16(clip.samples, clip.sampleRate) as Uint8Array<ArrayBuffer>], { type: 'audio/wav' });
    this.lastWaveform = waveformPeaks(clip.samples, clip.sampleRate, WAVEFORM_COLUMNS);
    this.items = [...this.items, { key: this.#nextKey++, name, wav, samples: clip.samples, sampleRate: clip.sampleRate, status: 'recorded' }];
  }

  /** Predicts every recording not yet predicted, with the model `modelId`. */
  async predict(modelId: string): Promise<void> {
    for (const item of this.items.filter((candidate) => candidate.status === 'recorded')) {
      this.#update(item.key, { status: 'predicting' });
      try {
        const result = await (await this.#client.get()).predictSamples(modelId, item.name, [item.samples], item.sampleRate);
        this.#update(item.key, { status: 'done', result });
      } catch (error) {
        this.#update(item.key, { status: 'failed', message: error instanceof PredictionFailure ? error.message : String(error) });
      }
    }
  }

  remove(key: number): void {
    this.items = this.items.filter((item) => item.key !== key);
    if (this.items.length === 0) this.lastWaveform = null;
  }

  clear(): void {
    this.items = [];
    this.lastWaveform = null;
  }

  /** Releases the microphone if a recording is running (the page goes away). */
  dispose(): void {
    void this.#recorder?.stop();
    this.#recorder = null;
  }

  #update(key: number, change: Partial<Recording>): void {
    this.items = this.items.map((item) => (item.key === key ? { ...item, ...change } : item));
  }
}
