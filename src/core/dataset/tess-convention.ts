import { emotionOfWord } from './emotion-vocabulary';
import type { NamingConvention } from './naming-convention';

/** `<OAF|YAF>_<word>_<emotion>`: the older or younger female talker, the spoken word, the emotion word. */
const TESS_NAME = /^(OAF|YAF)_([^_]+)_(.+)$/i;

/** The TESS talker of a name prefix (`oaf` → `tess:OAF`). */
export function tessSpeaker(prefix: string): string {
  return `tess:${prefix.toUpperCase()}`;
}

export function isTessSpeakerPrefix(prefix: string): boolean {
  return /^(OAF|YAF)$/i.test(prefix);
}

export const tessConvention: NamingConvention = {
  source: 'tess',
  read({ stem }) {
    const match = TESS_NAME.exec(stem);
    if (match === null) return null;
    const [, talker, , word] = match;
    const label = emotionOfWord(word);
    if (label === null) return { nearMiss: `it has the shape of a TESS name, but "${word}" names no emotion` };
    return { label, speaker: tessSpeaker(talker), source: 'tess', rule: `TESS name (emotion "${word}", talker ${talker.toUpperCase()})` };
  },
};
