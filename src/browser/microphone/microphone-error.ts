/** Why the microphone could not be used, as a sentence that says what to do. */
export class MicrophoneError extends Error {
  override readonly name = 'MicrophoneError';
}

/** getUserMedia's and AudioContext's errors, in words a user can act on. */
export function microphoneError(error: unknown): MicrophoneError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new MicrophoneError(
        'Microphone access was denied. To allow it, click the microphone or lock icon in the address bar (or open this site’s settings), allow the microphone, and press Record again.',
      );
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new MicrophoneError('No microphone was found. Plug one in (or enable it in your system settings) and press Record again.');
    case 'NotReadableError':
    case 'AbortError':
      return new MicrophoneError('The microphone is busy or could not be started; another application may be using it. Close it and press Record again.');
    default:
      if (typeof navigator !== 'undefined' && !navigator.mediaDevices?.getUserMedia) {
        return new MicrophoneError('This browser cannot record here: the microphone needs a secure page (https or localhost) and a current browser.');
      }
      return new MicrophoneError(`The microphone could not be started: ${error instanceof Error ? error.message : String(error)}`);
  }
}
