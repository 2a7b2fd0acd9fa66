// Page only: plays samples through the Web Audio API (which workers do not have).

/** Plays one clip at a time: starting another stops the one playing. */
export class SamplePlayer {
  #context: AudioContext | null = null;
  #playing: AudioBufferSourceNode | null = null;

  /** Plays mono samples at their rate; resolves when they end or are stopped. Call from a user gesture. */
  async play(samples: Float32Array, sampleRate: number): Promise<void> {
    this.stop();
    const context = (this.#context ??= new AudioContext());
    if (context.state === 'suspended') await context.resume();
    const buffer = context.createBuffer(1, Math.max(1, samples.length), sampleRate);
    buffer.copyToChannel(Float32Array.from(samples), 0);
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    this.#playing = source;
    const ended = new Promise<void>((resolve) => source.addEventListener('ended', () => resolve(), { once: true }));
    source.start();
    await ended;
    if (this.#playing === source) this.#playing = null;
  }

  stop(): void {
    this.#playing?.stop();
    this.#playing = null;
  }

  dispose(): void {
    this.stop();
    void this.#context?.close();
    this.#context = null;
  }
}
