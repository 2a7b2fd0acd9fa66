import { codedConvention } from './naming-convention';

const LABEL_BY_CODE: ReadonlyMap<string, string> = new Map([
  ['01', 'neutral'],
  ['02', 'calm'],
  ['03', 'happiness'],
  ['04', 'sadness'],
  ['05', 'anger'],
  ['06', 'fear'],
  ['07', 'disgust'],
  ['08', 'surprise'],
]);

/**
 * RAVDESS `MM-VV-EE-II-SS-RR-AA`: modality, vocal channel, emotion, intensity, statement,
 * repetition, actor. Every modality (audio-only 03, audio-video 01, video-only 02) and channel
 * (speech, song) is read alike.
 */
export const ravdessConvention = codedConvention({
  source: 'ravdess',
  corpus: 'RAVDESS',
  pattern: /^(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})$/,
  labelByCode: LABEL_BY_CODE,
  speakerWord: 'actor',
  fields: (match) => ({ code: match[3], speaker: match[7] }),
});
