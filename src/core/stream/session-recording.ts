import { wavFloat32 } from '../audio/wav-writer';

/** Minutes of session audio kept for "Save WAV": float32 at 48 kHz this is 115 MB, a tab's fair share. */
export const MAX_SESSION_MINUTES = 10;

/**
 * A live session's audio as it came in, kept as the float samples the updates were computed from,
 * so the saved WAV reproduces every live window exactly.
 */
export class SessionRecording {
  readonly sampleRate: number;
  readonly #blocks: Float32Array[] = [];
  readonly #limit: number;
  #frames = 0;

  constructor(sampleRate: number, maxMinutes = MAX_SESSION_MINUTES) {
    this.sampleRate = sampleRate;
    this.#limit = Math.round(maxMinutes * 60 * sampleRate);
  }

  get frames(): number {
    return this.#frames;
  }

  /** Whether the session outgrew the limit (later audio is not kept). */
  get full(): boolean {
    return this.#frames >= this.#limit;
  }

  append(samples: Float32Array): void {
    const take = Math.min(samples.length, this.#limit - this.#frames);
    if (take <= 0) return;
    this.#blocks.push(samples.slice(0, take));
    this.#frames += take;
  }

  toWav(): Uint8Array {
    return wavFloat32(this.#blocks, this.sampleRate);
  }
}
