import { codedConvention } from './naming-convention';

/** The letters are the German words: W Wut, L Langeweile, E Ekel, A Angst, F Freude, T Trauer. */
const LABEL_BY_CODE: ReadonlyMap<string, string> = new Map([
  ['W', 'anger'],
  ['L', 'boredom'],
  ['E', 'disgust'],
  ['A', 'fear'],
  ['F', 'happiness'],
  ['T', 'sadness'],
  ['N', 'neutral'],
]);

/** EMO-DB (Berlin) `SSTTTEV`: speaker, text (`a01`..`b10`), emotion letter, version (`03a01Fa`). */
export const emodbConvention = codedConvention({
  source: 'emodb',
  corpus: 'EMO-DB',
  pattern: /^(\d{2})([a-z]\d{2})([a-z])([a-z])$/i,
  labelByCode: LABEL_BY_CODE,
  speakerWord: 'speaker',
  fields: (match) => ({ code: match[3].toUpperCase(), speaker: match[1] }),
});
