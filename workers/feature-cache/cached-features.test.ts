import { describe, expect, it } from 'vitest';
import { cachedSize, type EntryFeatures, fromCached, toCached } from './cached-features';

const featurised: EntryFeatures = {
  kind: 'featurised',
  durationSeconds: 1.5,
  fingerprint: 'abc123',
  mfcc: { data: new Float32Array(new ArrayBuffer(64), 8, 6).map((_, i) => i / 3), frames: 3, bins: 2 },
};

describe('cached features', () => {
  it('round-trips featurised entries through structured clone, storing only the MFCC values', () => {
    const stored = toCached(featurised);
    expect(stored.kind === 'featurised' && stored.data.buffer.byteLength).toBe(24);
    const back = fromCached(structuredClone(stored));
    expect(back).toEqual(featurised);
  });

  it('round-trips skip reasons', () => {
    const skipped: EntryFeatures = { kind: 'skipped', skip: { kind: 'not-audio', message: 'it is not an audio file (WAV, AIFF or FLAC).' } };
    expect(fromCached(structuredClone(toCached(skipped)))).toEqual(skipped);
  });

  it('treats values it did not write as misses', () => {
    expect(fromCached(undefined)).toBeNull();
    expect(fromCached({ kind: 'featurised', durationSeconds: 1, fingerprint: 'x', frames: 2, bins: 2, data: new Float32Array(3) })).toBeNull();
    expect(fromCached({ kind: 'featurised', durationSeconds: 1, fingerprint: 'x', frames: 1, bins: 2, data: [0, 0] })).toBeNull();
    expect(fromCached({ kind: 'skipped' })).toBeNull();
  });

  it('sizes a value by its samples and text', () => {
    expect(cachedSize(toCached(featurised))).toBe(64 + 24 + 12);
  });
});
