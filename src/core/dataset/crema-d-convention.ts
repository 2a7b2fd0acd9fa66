import { codedConvention } from './naming-convention';

const LABEL_BY_CODE: ReadonlyMap<string, string> = new Map([
  ['ANG', 'anger'],
  ['DIS', 'disgust'],
  ['FEA', 'fear'],
  ['HAP', 'happiness'],
  ['NEU', 'neutral'],
  ['SAD', 'sadness'],
]);

/** CREMA-D `1001_DFA_ANG_XX`: actor, sentence, emotion, intensity. */
export const cremaDConvention = codedConvention({
  source: 'crema-d',
  corpus: 'CREMA-D',
  pattern: /^(\d{4})_([a-z]{3})_([a-z]{3})_([a-z]{2})$/i,
  labelByCode: LABEL_BY_CODE,
  speakerWord: 'actor',
  fields: (match) => ({ code: match[3].toUpperCase(), speaker: match[1] }),
});
