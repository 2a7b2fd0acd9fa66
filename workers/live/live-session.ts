import * as tf from '@tensorflow/tfjs';
import type { EmotionPredictor } from '../../src/core/predict/emotion-predictor';
import { LiveEngine, type LiveSettings } from '../../src/core/stream/live-engine';
import { SampleRing } from '../../src/core/stream/sample-ring';
import { SessionRecording } from '../../src/core/stream/session-recording';
import type { LiveStartRequest, LiveWorkerResponse } from '../protocol';

/** How often the ring is checked: a small fraction of any hop, so an update is late by at most this. */
const POLL_MS = 5;

/**
 * One live session in the worker: takes the microphone's samples (from the shared ring, or blocks
 * on a port), keeps them for the session WAV, and posts an update every hop.
 */
export class LiveSession {
  readonly #id: number;
  readonly #engine: LiveEngine;
  readonly #recording: SessionRecording | null;
  readonly #ring: SampleRing | null;
  readonly #port: MessagePort | null;
  readonly #post: (response: LiveWorkerResponse) => void;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #busy = false;
  #stopped = false;

  constructor(request: LiveStartRequest, predictor: EmotionPredictor, post: (response: LiveWorkerResponse) => void) {
    this.#id = request.id;
    this.#post = post;
    this.#engine = new LiveEngine(predictor, request.sampleRate, request.settings);
    this.#recording = request.keepAudio ? new SessionRecording(request.sampleRate) : null;
    this.#ring = request.input.kind === 'ring' ? new SampleRing(request.input.ring) : null;
    this.#port = request.input.kind === 'port' ? request.input.port : null;
    if (this.#port) this.#port.onmessage = (event: MessageEvent<Float32Array>) => this.#take(event.data);
    post({ type: 'live-ready', id: this.#id, labels: predictor.labels, windowFrames: this.#engine.windowFrames });
    this.#schedule();
  }

  set settings(settings: LiveSettings) {
    this.#engine.settings = settings;
  }

  /** Ends the session: no more updates; the audio as a WAV. */
  stop(): { wav: Uint8Array; truncated: boolean } {
    this.#stopped = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    if (this.#port) this.#port.onmessage = null;
    this.#port?.close();
    if (this.#ring) this.#take(this.#ring.read());
    return { wav: this.#recording?.toWav() ?? new Uint8Array(0), truncated: this.#recording?.full ?? false };
  }

  #take(samples: Float32Array): void {
    if (this.#stopped || samples.length === 0) return;
    this.#engine.push(samples);
    this.#recording?.append(samples);
  }

  #schedule(): void {
    if (!this.#stopped) this.#timer = setTimeout(() => void this.#tick(), POLL_MS);
  }

  async #tick(): Promise<void> {
    if (this.#ring) this.#take(this.#ring.read());
    if (this.#engine.due && !this.#busy && !this.#stopped) {
      this.#busy = true;
      try {
        const update = await this.#engine.update();
        if (!this.#stopped) {
          this.#post({ type: 'live-update', id: this.#id, update, received: this.#engine.received, dropped: this.#ring?.dropped ?? 0, tensors: tf.memory().numTensors });
        }
      } finally {
        this.#busy = false;
      }
    }
    this.#schedule();
  }
}
