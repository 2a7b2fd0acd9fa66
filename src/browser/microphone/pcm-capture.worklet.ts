// Runs in the AudioWorkletGlobalScope: hands the microphone's samples on, either into a shared
// ring (no messages, no copies) or in blocks posted to a port (the page's, or one it forwards, so
// blocks can go straight to a worker). The scope's types are not in TypeScript's libs, so the
// little used here is declared.
import { SampleRing } from '../../core/stream/sample-ring';

declare abstract class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: { processorOptions?: CaptureOptions });
  abstract process(inputs: Float32Array[][]): boolean;
}
declare function registerProcessor(name: string, processor: new (options?: { processorOptions?: CaptureOptions }) => AudioWorkletProcessor): void;
declare const currentFrame: number;

/** What the page passes when it creates the node. */
export interface CaptureOptions {
  /** The ring to write into (a SharedArrayBuffer), when the page is cross-origin isolated. */
  readonly ring?: SharedArrayBuffer;
}

/** Messages from the processor: the context frame of its first sample, once. */
export interface CaptureStarted {
  readonly kind: 'started';
  readonly frame: number;
}

/** About 43 ms at 48 kHz: few messages, and still a smooth level meter. */
const BLOCK = 2048;

class PcmCapture extends AudioWorkletProcessor {
  readonly #ring: SampleRing | null;
  #out: MessagePort;
  #block = new Float32Array(BLOCK);
  #filled = 0;
  #started = false;

  constructor(options?: { processorOptions?: CaptureOptions }) {
    super(options);
    const ring = options?.processorOptions?.ring;
    this.#ring = ring ? new SampleRing(ring) : null;
    this.#out = this.port;
    this.port.onmessage = (event: MessageEvent<{ kind: 'forward'; port: MessagePort }>) => {
      if (event.data.kind === 'forward') this.#out = event.data.port;
    };
  }

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (!channel) return true;
    if (!this.#started) {
      this.#started = true;
      this.port.postMessage({ kind: 'started', frame: currentFrame } satisfies CaptureStarted);
    }
    if (this.#ring) this.#ring.write(channel);
    else this.#post(channel);
    return true;
  }

  #post(channel: Float32Array): void {
    let read = 0;
    while (read < channel.length) {
      const take = Math.min(channel.length - read, BLOCK - this.#filled);
      this.#block.set(channel.subarray(read, read + take), this.#filled);
      this.#filled += take;
      read += take;
      if (this.#filled === BLOCK) {
        this.#out.postMessage(this.#block, [this.#block.buffer]);
        this.#block = new Float32Array(BLOCK);
        this.#filled = 0;
      }
    }
  }
}

registerProcessor('pcm-capture', PcmCapture);
