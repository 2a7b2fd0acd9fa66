import type { EntryPath } from './entry-path';
import type { NamingConvention } from './naming-convention';
import { readShortCode } from './short-emotion-code';

const SAVEE_SPEAKER = /^(DC|JE|JK|KL)$/i;
const SAVEE_PREFIXED_NAME = /^(DC|JE|JK|KL)_(.+)$/i;

/** SAVEE's speaker and short-coded name, from `DC_a01` or `DC/a01`; the bare `a01` alone is the thesis's naming. */
function speakerAndName({ stem, folders }: EntryPath): [speaker: string, name: string] | null {
  const prefixed = SAVEE_PREFIXED_NAME.exec(stem);
  if (prefixed !== null) return [prefixed[1], prefixed[2]];
  const parent = folders.at(-1);
  if (parent !== undefined && SAVEE_SPEAKER.test(parent)) return [parent, stem];
  return null;
}

export const saveeConvention: NamingConvention = {
  source: 'savee',
  read(entry) {
    const found = speakerAndName(entry);
    if (found === null) return null;
    const [speaker, name] = found;
    const coded = readShortCode(name, 2, 2);
    if (coded === null) return null;
    const talker = speaker.toUpperCase();
    return { label: coded.label, speaker: `savee:${talker}`, source: 'savee', rule: `SAVEE name (code ${coded.code}, speaker ${talker})` };
  },
};
