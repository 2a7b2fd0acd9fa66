/**
 * The short emotion codes of SAVEE and the thesis's own recordings: `a01`, `d03`, `sa12`, `su05`.
 * Two letters for sadness and surprise, one for the rest.
 */
const LABEL_BY_SHORT_CODE: ReadonlyMap<string, string> = new Map([
  ['a', 'anger'],
  ['d', 'disgust'],
  ['f', 'fear'],
  ['h', 'happiness'],
  ['n', 'neutral'],
  ['sa', 'sadness'],
  ['su', 'surprise'],
]);

/** The code of a short-coded name and the label it stands for. */
export interface ShortCodedName {
  readonly code: string;
  readonly label: string;
}

const SHORT_CODED_NAME = /^(sa|su|a|d|f|h|n)(\d+)$/i;

/** Reads `<code><digits>` with between `minDigits` and `maxDigits` digits, in any case. */
export function readShortCode(name: string, minDigits: number, maxDigits: number): ShortCodedName | null {
  const match = SHORT_CODED_NAME.exec(name);
  if (match === null || match[2].length < minDigits || match[2].length > maxDigits) return null;
  const code = match[1].toLowerCase();
  return { code, label: LABEL_BY_SHORT_CODE.get(code) ?? code };
}
