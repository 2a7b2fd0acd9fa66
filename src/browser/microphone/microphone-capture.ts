import captureWorkletUrl from './pcm-capture.worklet.ts?worker&url';
import type { CaptureStarted } from './pcm-capture.worklet';
import { microphoneError } from './microphone-error';

/** Where the captured samples go: blocks to a callback on the page, blocks to a port (a worker), or a shared ring. */
export type CaptureSink =
  | { readonly kind: 'callback'; readonly onBlock: (samples: Float32Array) => void }
  | { readonly kind: 'port'; readonly port: MessagePort }
  | { readonly kind: 'ring'; readonly ring: SharedArrayBuffer };

/** What the browser says it applied to the microphone track (`MediaStreamTrack.getSettings()`). */
export interface MicrophoneSettings {
  readonly sampleRate?: number;
  readonly channelCount?: number;
  readonly echoCancellation?: boolean | string;
  readonly noiseSuppression?: boolean;
  readonly autoGainControl?: boolean;
}

/**
 * The microphone through an AudioWorklet at the context's own rate, with the browser's voice
 * processing asked off: echo cancellation, noise suppression and gain control change the very
 * cues an emotion model listens to.
 */
export class MicrophoneCapture {
  readonly sampleRate: number;
  readonly settings: MicrophoneSettings;
  /** The context frame of the first captured sample, once the worklet has run. */
  readonly started: Promise<number>;
  readonly #context: AudioContext;
  readonly #stream: MediaStream;
  readonly #node: AudioWorkletNode;
  readonly #analyser: AnalyserNode;
  readonly #levelBuffer: Float32Array<ArrayBuffer>;

  private constructor(context: AudioContext, stream: MediaStream, node: AudioWorkletNode, analyser: AnalyserNode, started: Promise<number>) {
    this.#context = context;
    this.#stream = stream;
    this.#node = node;
    this.#analyser = analyser;
    this.#levelBuffer = new Float32Array(analyser.fftSize);
    this.sampleRate = context.sampleRate;
    this.started = started;
    this.settings = stream.getAudioTracks()[0]?.getSettings() ?? {};
  }

  /** Asks for the microphone (the browser asks the user once) and starts capturing into `sink`. */
  static async start(sink: CaptureSink): Promise<MicrophoneCapture> {
    let stream: MediaStream | null = null;
    let context: AudioContext | null = null;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
      });
      context = new AudioContext();
      await context.audioWorklet.addModule(captureWorkletUrl);
      const node = new AudioWorkletNode(context, 'pcm-capture', {
        numberOfInputs: 1,
        numberOfOutputs: 0,
        channelCount: 1,
        channelCountMode: 'explicit',
        processorOptions: sink.kind === 'ring' ? { ring: sink.ring } : {},
      });
      const started = new Promise<number>((resolve) => {
        node.port.onmessage = (event: MessageEvent<CaptureStarted | Float32Array>) => {
          if (event.data instanceof Float32Array) {
            if (sink.kind === 'callback') sink.onBlock(event.data);
          } else if (event.data.kind === 'started') resolve(event.data.frame);
        };
      });
      if (sink.kind === 'port') node.port.postMessage({ kind: 'forward', port: sink.port }, [sink.port]);
      const source = context.createMediaStreamSource(stream);
      source.connect(node);
      // The level meter reads the input on the page at display rate, apart from the samples' path.
      const analyser = new AnalyserNode(context, { fftSize: 2048 });
      source.connect(analyser);
      await context.resume();
      return new MicrophoneCapture(context, stream, node, analyser, started);
    } catch (error) {
      stream?.getTracks().forEach((track) => track.stop());
      void context?.close();
      throw microphoneError(error);
    }
  }

  /** performance.now() time of a moment on the audio context's clock (seconds). */
  performanceTimeOf(contextSeconds: number): number {
    const stamp = this.#context.getOutputTimestamp();
    return (stamp.performanceTime ?? performance.now()) + (contextSeconds - (stamp.contextTime ?? this.#context.currentTime)) * 1000;
  }

  /** The input's level now (RMS of the last 2,048 samples), in dBFS. */
  levelDb(): number {
    this.#analyser.getFloatTimeDomainData(this.#levelBuffer);
    let sum = 0;
    for (const sample of this.#levelBuffer) sum += sample * sample;
    return 10 * Math.log10(sum / this.#levelBuffer.length);
  }

  /** Releases the microphone (the browser's recording indicator goes off). */
  async stop(): Promise<void> {
    this.#node.port.onmessage = null;
    this.#node.disconnect();
    this.#stream.getTracks().forEach((track) => track.stop());
    await this.#context.close();
  }
}
