import { describe, expect, it } from 'vitest';
import type { DatasetItem } from './dataset-item';
import {
  defaultLabelMapping,
  dropLabel,
  labelsWithoutThesisClass,
  mapLabel,
  mergeLabels,
  renameLabel,
} from './label-mapping';
import { applyLabelMapping, selectUsableItems } from './usable-items';

const SOURCES = ['anger', 'calm', 'neutral', 'boredom', 'sadness'];

describe('label mapping', () => {
  it('maps onto the thesis labels and drops what has no thesis class by default', () => {
    const mapping = defaultLabelMapping(SOURCES);
    expect(Object.fromEntries(mapping)).toEqual({ anger: 'anger', calm: null, neutral: 'neutral', boredom: null, sadness: 'sadness' });
    expect(labelsWithoutThesisClass(SOURCES)).toEqual(['boredom', 'calm']);
  });

  it('keeps labels with no thesis class as classes of their own when asked', () => {
    expect(Object.fromEntries(defaultLabelMapping(SOURCES, 'keep'))).toEqual({
      anger: 'anger',
      calm: 'calm',
      neutral: 'neutral',
      boredom: 'boredom',
      sadness: 'sadness',
    });
  });

  it('folds raw source labels through the synonyms', () => {
    expect(Object.fromEntries(defaultLabelMapping(['Angry', 'ps', 'Bored'], 'keep'))).toEqual({ Angry: 'anger', ps: 'surprise', Bored: 'boredom' });
  });

  it('merges, renames and drops, leaving the mapping it was given as it was', () => {
    const start = defaultLabelMapping(SOURCES, 'keep');
    const merged = mergeLabels(start, ['calm', 'neutral'], 'Neutral');
    expect(mapLabel(merged, 'calm')).toBe('neutral');
    expect(mapLabel(merged, 'neutral')).toBe('neutral');
    const renamed = renameLabel(merged, 'neutral', 'relaxed');
    expect([mapLabel(renamed, 'calm'), mapLabel(renamed, 'neutral'), mapLabel(renamed, 'anger')]).toEqual(['relaxed', 'relaxed', 'anger']);
    const dropped = dropLabel(renamed, 'relaxed');
    expect([mapLabel(dropped, 'calm'), mapLabel(dropped, 'neutral'), mapLabel(dropped, 'boredom')]).toEqual([null, null, 'boredom']);
    expect(mapLabel(start, 'calm')).toBe('calm');
  });

  it('keeps labels the mapping does not mention, and can drop or rename them too', () => {
    const mapping = defaultLabelMapping(['anger']);
    expect(mapLabel(mapping, 'contempt')).toBe('contempt');
    expect(mapLabel(dropLabel(mapping, 'contempt'), 'contempt')).toBeNull();
    expect(mapLabel(renameLabel(mapping, 'contempt', 'disgusted'), 'contempt')).toBe('disgust');
  });
});

describe('applying a mapping to items', () => {
  const item = (path: string, label: string | null, extra: Partial<DatasetItem> = {}): DatasetItem => ({
    path,
    label,
    speaker: null,
    durationSeconds: 2,
    fingerprint: null,
    ...extra,
  });

  it('relabels items and marks the dropped ones as skipped, saying why', () => {
    const items = [item('a.wav', 'calm'), item('b.wav', 'neutral'), item('c.wav', null)];
    const mapped = applyLabelMapping(items, mergeLabels(defaultLabelMapping(['calm', 'neutral']), ['calm'], 'neutral'));
    expect(mapped.map((entry) => entry.label)).toEqual(['neutral', 'neutral', null]);
    const dropped = applyLabelMapping(items, defaultLabelMapping(['calm', 'neutral']));
    expect(dropped[0].skipped).toEqual({ kind: 'dropped-label', message: 'the label mapping drops "calm".' });
    expect(dropped[1].skipped).toBeUndefined();
  });

  it('selects the usable items and gives every other one its reason', () => {
    const items = [
      item('ok.wav', 'anger'),
      item('short.wav', 'anger', { durationSeconds: 0.2 }),
      item('unknown-length.wav', 'anger', { durationSeconds: null }),
      item('calm.wav', 'calm'),
      item('nolabel.wav', null),
      item('broken.wav', 'anger', { skipped: { kind: 'undecodable', message: 'broken.wav: the data chunk is missing.' } }),
      item('notes.txt', null, { skipped: { kind: 'not-audio', message: 'not an audio file.' } }),
    ];
    const { usable, skipped } = selectUsableItems(items, { mapping: defaultLabelMapping(['anger', 'calm']), minDurationSeconds: 0.5 });
    expect(usable.map((entry) => entry.path)).toEqual(['ok.wav', 'unknown-length.wav']);
    expect(skipped).toEqual([
      { path: 'short.wav', reason: { kind: 'too-short', message: '0.20 s long, shorter than the 0.50 s minimum.' } },
      { path: 'calm.wav', reason: { kind: 'dropped-label', message: 'the label mapping drops "calm".' } },
      { path: 'nolabel.wav', reason: { kind: 'no-label', message: 'no label.' } },
      { path: 'broken.wav', reason: { kind: 'undecodable', message: 'broken.wav: the data chunk is missing.' } },
      { path: 'notes.txt', reason: { kind: 'not-audio', message: 'not an audio file.' } },
    ]);
  });
});
