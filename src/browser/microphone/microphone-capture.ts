import captureWorkletUrl from './pcm-capture.worklet.ts?worker&url';
import { microphoneError } from './microphone-error';

/**
 * The microphone as a stream of sample blocks, through an AudioWorklet (off the main thread's
 * audio path), with the browser's voice processing off: echo cancellation, noise suppression and
 * gain control change the very cues an emotion model listens to.
 */
export class MicrophoneCapture {
  readonly sampleRate: number;
  readonly #context: AudioContext;
  readonly #stream: MediaStream;
  readonly #node: AudioWorkletNode;

  private constructor(context: AudioContext, stream: MediaStream, node: AudioWorkletNode) {
    this.#context = context;
    this.#stream = stream;
    this.#node = node;
    this.sampleRate = context.sampleRate;
  }

  /** Asks for the microphone (the browser asks the user once) and starts capturing; `onBlock` gets each block of mono samples. */
  static async start(onBlock: (samples: Float32Array) => void): Promise<MicrophoneCapture> {
    let stream: MediaStream | null = null;
    let context: AudioContext | null = null;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
      });
      context = new AudioContext();
      await context.audioWorklet.addModule(captureWorkletUrl);
      const node = new AudioWorkletNode(context, 'pcm-capture', { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1, channelCountMode: 'explicit' });
      node.port.onmessage = (event: MessageEvent<Float32Array>) => onBlock(event.data);
      context.createMediaStreamSource(stream).connect(node);
      await context.resume();
      return new MicrophoneCapture(context, stream, node);
    } catch (error) {
      stream?.getTracks().forEach((track) => track.stop());
      void context?.close();
      throw microphoneError(error);
    }
  }

  /** Releases the microphone (the browser's recording indicator goes off). */
  async stop(): Promise<void> {
    this.#node.port.onmessage = null;
    this.#node.disconnect();
    this.#stream.getTracks().forEach((track) => track.stop());
    await this.#context.close();
  }
}
