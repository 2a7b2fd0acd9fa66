import type { NamingConvention } from './naming-convention';
import { readShortCode } from './short-emotion-code';

/** The thesis's own recordings: `a01.wav` .. `su12.wav`, a short emotion code and a number, no speaker. */
export const thesisConvention: NamingConvention = {
  source: 'thesis',
  read({ stem }) {
    const coded = readShortCode(stem, 1, 4);
    if (coded === null) return null;
    return { label: coded.label, speaker: null, source: 'thesis', rule: `thesis name (code ${coded.code})` };
  },
};
