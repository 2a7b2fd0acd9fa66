/**
 * Why a file could not be decoded. `unsupported` means the bytes look fine but our own readers do
 * not handle this encoding, so a caller on the page may still try the browser's decoder.
 */
export type AudioDecodeErrorKind = 'unsupported' | 'malformed' | 'empty';

/** A decoding failure a user can act on: the message names the file and the reason. */
export class AudioDecodeError extends Error {
  readonly fileName: string;
  readonly reason: string;
  readonly kind: AudioDecodeErrorKind;

  constructor(fileName: string, reason: string, kind: AudioDecodeErrorKind) {
    super(`${fileName}: ${reason}`);
    this.name = 'AudioDecodeError';
    this.fileName = fileName;
    this.reason = reason;
    this.kind = kind;
  }
}
