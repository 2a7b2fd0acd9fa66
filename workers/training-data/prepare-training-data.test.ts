import { describe, expect, it } from 'vitest';
import { DEFAULT_AUGMENTATION_SETTINGS } from '../../src/core/augment';
import { DEFAULT_FEATURE_CONFIG } from '../../src/core/features/feature-config';
import { FeatureExtractor } from '../../src/core/features/feature-extractor';
import { buildTestZip } from '../../src/core/zip/test-zip-writer';
import { MemoryFeatureCache } from '../feature-cache/memory-feature-cache';
import { LocalFeaturiser } from '../features/featuriser';
import { type DatasetLoad, loadDataset } from '../load-dataset';
import { toneWav } from '../testing/tone-wav';
import { type AugmentationPlan } from './copy-plan';
import { prepareTrainingData, type TrainingSides } from './prepare-training-data';
import { rowCount } from './packed-features';
import { TrainingDataError } from './training-data-error';

const featuriser = new LocalFeaturiser(new FeatureExtractor(DEFAULT_FEATURE_CONFIG));
const PLAN: AugmentationPlan = { settings: { ...DEFAULT_AUGMENTATION_SETTINGS, kinds: ['noise', 'pitch'] }, copies: 2 };

async function loadTones(): Promise<DatasetLoad> {
  const entries = ['angry', 'sad', 'happy', 'neutral'].flatMap((label, l) => [0, 1].map((take) => ({ name: `${label}/${take}.wav`, data: toneWav(0.5, 200 + 100 * l + 30 * take) })));
  return loadDataset([new File([(await buildTestZip(entries)).slice()], 'tones.zip')], featuriser);
}

function sidesOf(load: DatasetLoad): TrainingSides {
  const ref = (path: string, label: number) => ({ path: `tones.zip/${path}`, label });
  return {
    train: [ref('angry/0.wav', 0), ref('sad/0.wav', 1), ref('happy/0.wav', 2)],
    validation: [ref('angry/1.wav', 0), ref('sad/1.wav', 1)],
    test: [ref('happy/1.wav', 2)],
  };
}

describe('prepareTrainingData', () => {
  it('copies training items only, each row labelled and traced to its item', async () => {
    const load = await loadTones();
    expect([...load.features.keys()]).toContain('tones.zip/angry/0.wav');
    const data = await prepareTrainingData(sidesOf(load), PLAN, 5, { ...load, featuriser });
    expect(rowCount(data.train)).toBe(9);
    expect([...data.train.items]).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect([...data.train.labels]).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect([...data.train.augmented]).toEqual([0, 1, 1, 0, 1, 1, 0, 1, 1]);
    expect(rowCount(data.validation)).toBe(2);
    expect([...data.validation.augmented]).toEqual([0, 0]);
    expect(rowCount(data.test)).toBe(1);
    expect(data.train.x.length).toBe(9 * 182 * 40);
    expect(data.train.x.subarray(0, 182 * 40)).toEqual(load.features.get('tones.zip/angry/0.wav')?.data);
    expect(data.validation.x.subarray(182 * 40)).toEqual(load.features.get('tones.zip/sad/1.wav')?.data);
    expect(data.copiesComputed).toBe(6);
  });

  it('makes the same copies for the same seed, other copies for another, and takes them from the cache the second time', async () => {
    const load = await loadTones();
    const cache = new MemoryFeatureCache();
    const first = await prepareTrainingData(sidesOf(load), PLAN, 5, { ...load, featuriser, cache });
    const again = await prepareTrainingData(sidesOf(load), PLAN, 5, { ...load, featuriser, cache });
    const other = await prepareTrainingData(sidesOf(load), PLAN, 6, { ...load, featuriser });
    expect([first.copiesComputed, first.copiesFromCache]).toEqual([6, 0]);
    expect([again.copiesComputed, again.copiesFromCache]).toEqual([0, 6]);
    expect(again.train.x).toEqual(first.train.x);
    expect(other.train.x).not.toEqual(first.train.x);
  });

  it('without copies packs the sides as they are', async () => {
    const load = await loadTones();
    const data = await prepareTrainingData(sidesOf(load), { ...PLAN, copies: 0 }, 5, { ...load, featuriser });
    expect(rowCount(data.train)).toBe(3);
    expect(data.copiesComputed).toBe(0);
  });

  it('refuses an item that is not in the loaded dataset, with a sentence', async () => {
    const load = await loadTones();
    const sides = { ...sidesOf(load), train: [{ path: 'tones.zip/missing.wav', label: 0 }] };
    await expect(prepareTrainingData(sides, PLAN, 5, { ...load, featuriser })).rejects.toThrow(TrainingDataError);
    await expect(prepareTrainingData(sides, PLAN, 5, { ...load, featuriser })).rejects.toThrow('tones.zip/missing.wav is not in the loaded dataset');
  });
});
