import { describe, expect, it } from 'vitest';
import { trueLabelOf } from './true-label';

const LABELS = ['anger', 'disgust', 'fear', 'happiness', 'neutral', 'sadness', 'surprise'];

describe('trueLabelOf', () => {
  it('reads the emotion a corpus name tells, onto the model labels', () => {
    expect(trueLabelOf('03-01-05-01-02-01-12.wav', LABELS)).toMatchObject({ kind: 'known', label: 'anger' });
    expect(trueLabelOf('OAF_back_sad.wav', LABELS)).toMatchObject({ kind: 'known', label: 'sadness' });
    expect(trueLabelOf('Happy/clip.wav', LABELS)).toMatchObject({ kind: 'known', label: 'happiness' });
  });

  it('reports a label the model lacks instead of guessing', () => {
    expect(trueLabelOf('03-01-02-01-02-01-12.wav', LABELS)).toMatchObject({ kind: 'unknown', label: 'calm' });
  });

  it('is null when the name tells nothing', () => {
    expect(trueLabelOf('my recording.wav', LABELS)).toBeNull();
  });
});
