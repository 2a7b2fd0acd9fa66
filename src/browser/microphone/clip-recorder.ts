import { MicrophoneCapture } from './microphone-capture';

/** A finished recording: mono samples at the microphone's rate. */
export interface RecordedClip {
  readonly samples: Float32Array;
  readonly sampleRate: number;
}

/** Longest recording kept: beyond this the oldest audio would be too much to hold and predict at once. */
export const MAX_RECORDING_SECONDS = 120;

/** Records one clip from the microphone: start, then stop to get the samples; `onLevel` gets the peak of each block (0-1). */
export class ClipRecorder {
  readonly #capture: MicrophoneCapture;
  readonly #blocks: Float32Array[];
  #length = 0;

  private constructor(capture: MicrophoneCapture, blocks: Float32Array[]) {
    this.#capture = capture;
    this.#blocks = blocks;
  }

  get seconds(): number {
    return this.#length / this.#capture.sampleRate;
  }

  static async start(onLevel: (peak: number, seconds: number) => void = () => undefined): Promise<ClipRecorder> {
    const blocks: Float32Array[] = [];
    let recorder: ClipRecorder | null = null;
    const capture = await MicrophoneCapture.start({ kind: 'callback', onBlock: (block) => {
      if (!recorder || recorder.seconds >= MAX_RECORDING_SECONDS) return;
      blocks.push(block);
      recorder.#length += block.length;
      let peak = 0;
      for (const sample of block) peak = Math.max(peak, Math.abs(sample));
      onLevel(peak, recorder.seconds);
    } });
    recorder = new ClipRecorder(capture, blocks);
    return recorder;
  }

  async stop(): Promise<RecordedClip> {
    await this.#capture.stop();
    const samples = new Float32Array(this.#length);
    let offset = 0;
    for (const block of this.#blocks) {
      samples.set(block.subarray(0, Math.min(block.length, samples.length - offset)), offset);
      offset += block.length;
    }
    return { samples, sampleRate: this.#capture.sampleRate };
  }
}
