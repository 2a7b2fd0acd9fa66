import { decodeWithWebAudio } from '../../browser/web-audio-decoder';
import { failureMessage } from '../../../workers/failure-message';
import type { TestProgress, TestReport } from '../../../workers/prediction/test-report';
import type { AudioSource, FailureResponse, PredictionResponse, PredictionWorkerRequest, PredictionWorkerResponse, PredictRequest } from '../../../workers/protocol';
import { WorkerChannel } from '../worker-channel';
import { PredictionFailure } from './prediction-failure';

/** A file's prediction as the page gets it. */
export type FilePrediction = Omit<PredictionResponse, 'type' | 'id'>;

/**
 * The page's side of the prediction worker. Files the worker cannot decode (MP3, Ogg, MP4, WebM)
 * are decoded on the page with the browser's decoder and sent again as samples, so every format
 * the browser knows reaches the same prediction path.
 */
export class PredictionClient {
  readonly #channel = new WorkerChannel<PredictionWorkerRequest, PredictionWorkerResponse>(
    () => new Worker(new URL('../../../workers/prediction.worker.ts', import.meta.url), { type: 'module' }),
    (message) => new PredictionFailure(message),
    'the prediction worker',
  );

  /** `bytes` stays the caller's: the worker gets a copy. */
  async predict(modelId: string, fileName: string, bytes: Uint8Array): Promise<FilePrediction> {
    const first = await this.#send(modelId, fileName, { kind: 'bytes', bytes: bytes.slice().buffer });
    if (first.type === 'prediction') return withoutEnvelope(first);
    if (!first.unsupported) throw new PredictionFailure(first.message);
    const decoded = await decodeWithWebAudio(bytes, fileName).catch((error: unknown) => {
      throw new PredictionFailure(failureMessage(fileName, error));
    });
    const second = await this.#send(modelId, fileName, { kind: 'decoded', ...decoded });
    if (second.type === 'failure') throw new PredictionFailure(second.message);
    return withoutEnvelope(second);
  }

  /** Samples already at hand (a recording): mono or not, at any rate. */
  async predictSamples(modelId: string, fileName: string, channels: Float32Array[], sampleRate: number): Promise<FilePrediction> {
    const response = await this.#send(modelId, fileName, { kind: 'decoded', channels, sampleRate, sourceFormat: 'Recording' });
    if (response.type === 'failure') throw new PredictionFailure(response.message);
    return withoutEnvelope(response);
  }

  /** Loads the model in the worker ahead of the first file; resolves with the worker's milliseconds. */
  prepare(modelId: string): Promise<number> {
    return this.#channel.ask({ type: 'prepare-model', id: this.#channel.nextId(), modelId }, (response) => {
      if (response.type === 'failure') throw new PredictionFailure(response.message);
      if (response.type !== 'model-prepared') throw new PredictionFailure('The prediction worker gave an unexpected answer.');
      return response.milliseconds;
    });
  }

  /** Tests the model on dropped ZIPs, labelled as for training; progress per file. */
  test(modelId: string, files: readonly File[], onProgress: (progress: TestProgress) => void): Promise<TestReport> {
    return this.#channel.ask({ type: 'test-archives', id: this.#channel.nextId(), modelId, files }, (response) => {
      if (response.type === 'test-progress') return void onProgress(response.progress);
      if (response.type === 'failure') throw new PredictionFailure(response.message);
      if (response.type !== 'test-report') throw new PredictionFailure('The prediction worker gave an unexpected answer.');
      return response.report;
    });
  }

  dispose(): void {
    this.#channel.dispose('Prediction was stopped.');
  }

  #send(modelId: string, fileName: string, source: AudioSource): Promise<PredictionResponse | FailureResponse> {
    const request: PredictRequest = { type: 'predict', id: this.#channel.nextId(), modelId, fileName, source };
    return this.#channel.ask(request, (response) => {
      if (response.type === 'prediction' || response.type === 'failure') return response;
      throw new PredictionFailure('The prediction worker gave an unexpected answer.');
    });
  }
}

function withoutEnvelope(response: PredictionResponse): FilePrediction {
  const { type: _type, id: _id, ...prediction } = response;
  return prediction;
}
