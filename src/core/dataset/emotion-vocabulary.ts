/** The seven emotions of the thesis, in the order the models use. */
export const THESIS_EMOTIONS = ['anger', 'disgust', 'fear', 'happiness', 'neutral', 'sadness', 'surprise'] as const;

export type ThesisEmotion = (typeof THESIS_EMOTIONS)[number];

/**
 * Every word we accept as naming an emotion, mapped to its canonical label. Thesis emotions fold
 * onto the thesis labels; emotions the thesis has no class for (calm, boredom, ...) keep their own
 * name. Only words in this table make a folder a label, so `audio/` or `Actor_01/` never do.
 */
const CANONICAL_BY_WORD: ReadonlyMap<string, string> = new Map([
  ...synonyms('anger', ['angry', 'mad']),
  ...synonyms('disgust', ['disgusted']),
  ...synonyms('fear', ['fearful', 'afraid', 'scared']),
  ...synonyms('happiness', ['happy', 'joy', 'joyful']),
  ...synonyms('neutral', []),
  ...synonyms('sadness', ['sad']),
  // TESS spells its folder `pleasant_surprise`, some copies `pleasant_surprised`, its files `ps`.
  ...synonyms('surprise', ['surprised', 'pleasant_surprise', 'pleasant_surprised', 'ps']),
  ...synonyms('calm', []),
  ...synonyms('boredom', ['bored']),
  ...synonyms('contempt', []),
  ...synonyms('excitement', ['excited']),
  ...synonyms('frustration', ['frustrated']),
  ...synonyms('amusement', ['amused']),
  ...synonyms('anxiety', ['anxious']),
  ...synonyms('shame', []),
  ...synonyms('pride', []),
  ...synonyms('relief', []),
]);

function synonyms(canonical: string, others: readonly string[]): [string, string][] {
  return [canonical, ...others].map((word) => [word, canonical]);
}

/** Lower case, trimmed, with runs of spaces and hyphens as one underscore: `Pleasant Surprise` → `pleasant_surprise`. */
export function normaliseLabelText(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** The canonical label of a known emotion word (any case), or null when the word names no emotion we know. */
export function emotionOfWord(word: string): string | null {
  return CANONICAL_BY_WORD.get(normaliseLabelText(word)) ?? null;
}

/** A user's label (from a manifest or a mapping) folded through the synonyms; unknown labels stay as they are, lower-cased. */
export function foldLabel(text: string): string {
  return emotionOfWord(text) ?? normaliseLabelText(text);
}

export function isThesisEmotion(label: string): label is ThesisEmotion {
  return (THESIS_EMOTIONS as readonly string[]).includes(label);
}

/** Thesis emotions first, in thesis order, then every other label alphabetically. */
export function compareLabels(a: string, b: string): number {
  const rank = (label: string) => (isThesisEmotion(label) ? THESIS_EMOTIONS.indexOf(label) : THESIS_EMOTIONS.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}
