/**
 * The corpus a speaker belongs to: the namespace of its id (`ravdess:01` → `ravdess`,
 * `CASIA:liuchanhg` → `CASIA`), or null for a file with no known speaker.
 */
export function corpusOfSpeaker(speaker: string | null): string | null {
  if (speaker === null) return null;
  const colon = speaker.indexOf(':');
  return colon > 0 ? speaker.slice(0, colon) : null;
}

/** The corpus as a user reads it (`ravdess` → `RAVDESS`; folder-named corpora as they are). */
export function corpusName(corpus: string): string {
  return KNOWN_CORPORA.get(corpus) ?? corpus;
}

const KNOWN_CORPORA: ReadonlyMap<string, string> = new Map([
  ['ravdess', 'RAVDESS'],
  ['tess', 'TESS'],
  ['savee', 'SAVEE'],
  ['crema-d', 'CREMA-D'],
  ['emodb', 'EMO-DB'],
]);
