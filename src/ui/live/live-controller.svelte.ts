import { tick } from 'svelte';
import type { MicrophoneCapture, MicrophoneSettings } from '../../browser/microphone/microphone-capture';
import { MicrophoneError } from '../../browser/microphone/microphone-error';
import { DEFAULT_LIVE_SETTINGS, type LiveSettings } from '../../core/stream/live-engine';
import { SampleRing } from '../../core/stream/sample-ring';
import type { LiveUpdateResponse } from '../../../workers/protocol';
import type { LiveClient } from './live-client';
import type { LiveEntry } from './live-entry';
import { type SmoothingLevel, smoothProbabilities } from './live-smoothing';

/** Seconds of input the ring holds: far more than a hop, so a busy worker loses nothing. */
const RING_SECONDS = 8;

/** Running figures for the stats line. */
export interface LiveStats {
  readonly computeMs: number;
  readonly meanComputeMs: number;
  readonly latencyMs: number | null;
  readonly meanLatencyMs: number | null;
  readonly received: number;
  readonly dropped: number;
  readonly skipped: number;
  readonly tensors: number;
  readonly transport: 'shared ring' | 'transferred blocks';
}

/** The Live page's state: the microphone, the worker session, the updates and what is shown. */
export class LiveController {
  phase = $state<'idle' | 'starting' | 'running' | 'stopping'>('idle');
  failure = $state('');
  settings = $state.raw<LiveSettings>(DEFAULT_LIVE_SETTINGS);
  smoothing = $state<SmoothingLevel>('light');
  /** Keep the session's audio to save it as a WAV (off: nothing of the audio outlives its window). */
  keepAudio = $state(true);
  labels = $state.raw<readonly string[]>([]);
  entries = $state.raw<readonly LiveEntry[]>([]);
  stats = $state.raw<LiveStats | null>(null);
  levelDb = $state(Number.NEGATIVE_INFINITY);
  microphone = $state.raw<{ settings: MicrophoneSettings; sampleRate: number } | null>(null);
  /** The last session's audio, ready to save. */
  sessionWav = $state.raw<{ wav: Uint8Array; truncated: boolean } | null>(null);

  #capture: MicrophoneCapture | null = null;
  #client: LiveClient | null = null;
  #startFrame = 0;
  #meter = 0;
  #computeTotal = 0;
  #latencyTotal = 0;
  #latencyCount = 0;
  #skipped = 0;

  get current(): LiveEntry | undefined {
    return this.entries.at(-1);
  }

  async start(modelId: string): Promise<void> {
    if (this.phase !== 'idle') return;
    this.failure = '';
    this.phase = 'starting';
    this.#reset();
    try {
      const [{ MicrophoneCapture }, { LiveClient }] = await Promise.all([import('../../browser/microphone/microphone-capture'), import('./live-client')]);
      this.#client ??= new LiveClient();
      const shared = globalThis.crossOriginIsolated === true;
      const channel = shared ? null : new MessageChannel();
      // Sized for the highest rate a context runs at; the ring needs a power of two.
      const ring = shared ? (SampleRing.allocate(2 ** Math.ceil(Math.log2(RING_SECONDS * 192000)), true) as SharedArrayBuffer) : null;
      this.#capture = await MicrophoneCapture.start(ring ? { kind: 'ring', ring } : { kind: 'port', port: channel!.port1 });
      const capture = this.#capture;
      this.microphone = { settings: capture.settings, sampleRate: capture.sampleRate };
      this.#startFrame = await capture.started;
      const input = ring ? ({ kind: 'ring', ring } as const) : ({ kind: 'port', port: channel!.port2 } as const);
      this.#client.start(modelId, capture.sampleRate, input, this.settings, this.keepAudio, {
        onReady: (ready) => {
          this.labels = ready.labels;
          this.phase = 'running';
        },
        onUpdate: (update) => void this.#show(update, ring ? 'shared ring' : 'transferred blocks'),
        onFailure: (message) => void this.#fail(message),
      });
      this.#meterLoop();
    } catch (error) {
      await this.#fail(error instanceof MicrophoneError ? error.message : `Live prediction could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async stop(): Promise<void> {
    if (this.phase !== 'running' && this.phase !== 'starting') return;
    this.phase = 'stopping';
    cancelAnimationFrame(this.#meter);
    await this.#capture?.stop();
    this.#capture = null;
    const ended = (await this.#client?.stop()) ?? null;
    this.sessionWav = ended && ended.wav.length > 0 ? ended : null;
    this.levelDb = Number.NEGATIVE_INFINITY;
    this.phase = 'idle';
  }

  changeSettings(settings: LiveSettings): void {
    this.settings = settings;
    if (this.phase === 'running') this.#client?.changeSettings(settings);
  }

  dispose(): void {
    cancelAnimationFrame(this.#meter);
    void this.#capture?.stop();
    this.#capture = null;
    this.#client?.dispose();
    this.#client = null;
  }

  async #show(response: LiveUpdateResponse, transport: LiveStats['transport']): Promise<void> {
    const { update } = response;
    const previous = lastSmoothed(this.entries);
    const smoothed = update.probabilities ? smoothProbabilities(previous, update.probabilities, this.smoothing) : null;
    const index = this.entries.length;
    this.entries = [...this.entries, { update, smoothed, latencyMs: null }];
    this.#computeTotal += update.computeMs;
    this.#skipped += update.skipped;
    const base = {
      computeMs: update.computeMs,
      meanComputeMs: this.#computeTotal / this.entries.length,
      received: response.received,
      dropped: response.dropped,
      skipped: this.#skipped,
      tensors: response.tensors,
      transport,
    };
    this.stats = { ...base, latencyMs: this.stats?.latencyMs ?? null, meanLatencyMs: this.stats?.meanLatencyMs ?? null };
    // On-screen latency: from the window's last sample to the frame that shows its label.
    const capture = this.#capture;
    if (!capture) return;
    const lastSampleAt = capture.performanceTimeOf((this.#startFrame + update.windowEnd) / capture.sampleRate);
    await tick();
    requestAnimationFrame(() => {
      const latencyMs = performance.now() - lastSampleAt;
      this.#latencyTotal += latencyMs;
      this.#latencyCount++;
      this.entries = this.entries.map((entry, i) => (i === index ? { ...entry, latencyMs } : entry));
      this.stats = { ...base, ...this.stats, latencyMs, meanLatencyMs: this.#latencyTotal / this.#latencyCount };
    });
  }

  #meterLoop(): void {
    const step = () => {
      if (!this.#capture) return;
      this.levelDb = this.#capture.levelDb();
      this.#meter = requestAnimationFrame(step);
    };
    this.#meter = requestAnimationFrame(step);
  }

  async #fail(message: string): Promise<void> {
    cancelAnimationFrame(this.#meter);
    await this.#capture?.stop().catch(() => undefined);
    this.#capture = null;
    this.failure = message;
    this.phase = 'idle';
  }

  #reset(): void {
    this.entries = [];
    this.stats = null;
    this.sessionWav = null;
    this.#computeTotal = 0;
    this.#latencyTotal = 0;
    this.#latencyCount = 0;
    this.#skipped = 0;
  }
}

/** The smoothed probabilities of the last update that had any (silence has none). */
function lastSmoothed(entries: readonly LiveEntry[]): readonly number[] | null {
  for (let index = entries.length - 1; index >= 0; index--) if (entries[index].smoothed !== null) return entries[index].smoothed;
  return null;
}
