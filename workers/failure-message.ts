import { AudioDecodeError } from '../src/core/audio/audio-decode-error';

/** One sentence for the user about why a file could not be analysed. */
export function failureMessage(fileName: string, error: unknown): string {
  if (error instanceof AudioDecodeError) return sentence(`Could not read ${fileName}: ${error.reason}`);
  const detail = error instanceof Error ? error.message : String(error);
  return sentence(`Could not analyse ${fileName}: ${detail}`);
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
