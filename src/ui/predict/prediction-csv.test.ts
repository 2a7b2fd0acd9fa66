import { describe, expect, it } from 'vitest';
import { predictionCsv } from './prediction-csv';

const LABELS = ['anger', 'neutral', 'sadness'];

describe('predictionCsv', () => {
  it('writes prediction, truth, match and every probability per file', () => {
    const text = predictionCsv(
      [
        { fileName: 'OAF_back_sad.wav', labels: LABELS, probabilities: [0.1, 0.2, 0.7], predicted: 2, answer: { kind: 'emotion', label: 'sadness', confidence: 0.7 }, truth: { kind: 'known', label: 'sadness', rule: 'TESS' }, duration: 1.51234, windows: 1 },
        { fileName: 'me.wav', labels: LABELS, probabilities: [0.5, 0.25, 0.25], predicted: 0, answer: { kind: 'unsure', likeliest: [{ label: 'anger', probability: 0.5 }, { label: 'neutral', probability: 0.25 }] }, truth: null, duration: 9, windows: 4 },
        { fileName: '03-01-02-01-01-01-01.wav', labels: LABELS, probabilities: [0.2, 0.6, 0.2], predicted: 1, answer: { kind: 'no-speech', reason: 'it is a tone' }, truth: { kind: 'unknown', label: 'calm', rule: 'RAVDESS' }, duration: 3, windows: 1 },
        { fileName: 'broken.wav', problem: 'Could not read broken.wav: it is not audio.' },
      ],
      LABELS,
    );
    expect(text.split('\r\n')).toEqual([
      'file,answer,predicted,confidence,true_emotion,correct,duration_s,windows,p_anger,p_neutral,p_sadness,problem',
      'OAF_back_sad.wav,sadness,sadness,0.7,sadness,yes,1.512,1,0.1,0.2,0.7,',
      'me.wav,unsure: anger or neutral,anger,0.5,,,9,4,0.5,0.25,0.25,',
      '03-01-02-01-01-01-01.wav,no speech found,neutral,0.6,calm,,3,1,0.2,0.6,0.2,',
      'broken.wav,,,,,,,,,,,Could not read broken.wav: it is not audio.',
      '',
    ]);
  });
});
