import type { SplitSide } from '../../src/core/dataset';
import type { FeatureMatrix } from '../../src/core/features/feature-matrix';
import type { EntrySource } from '../load-dataset';
import { readEntry } from '../dataset-entry';
import type { EntryFeatures } from '../feature-cache/cached-features';
import type { FeatureCache } from '../feature-cache/feature-cache';
import { LoadFeatureCache } from '../feature-cache/load-feature-cache';
import { type ClipVariant, clipVariantKey } from '../features/clip-variant';
import type { Featuriser } from '../features/featuriser';
import { mapInOrder } from '../features/in-order-pool';
import { type AugmentationPlan, planCopies } from './copy-plan';
import { type FeatureRow, packFeatures, type PackedFeatures } from './packed-features';
import { type TrainingDataProgress, TrainingDataProgressCounter } from './training-data-progress';
import { TrainingDataError } from './training-data-error';

/** An item of the loaded dataset on one side of the split, with the index of its (mapped) label. */
export interface TrainingItemRef {
  readonly path: string;
  readonly label: number;
}

export type TrainingSides = Readonly<Record<SplitSide, readonly TrainingItemRef[]>>;

export interface TrainingData {
  readonly train: PackedFeatures;
  readonly validation: PackedFeatures;
  readonly test: PackedFeatures;
  readonly copiesComputed: number;
  readonly copiesFromCache: number;
}

export interface PrepareTrainingOptions {
  /** The loaded dataset's MFCC and files, by item path. */
  readonly features: ReadonlyMap<string, FeatureMatrix>;
  readonly sources: ReadonlyMap<string, EntrySource>;
  readonly featuriser: Featuriser;
  readonly cache?: FeatureCache | null;
  readonly onProgress?: (progress: TrainingDataProgress) => void;
}

interface ItemCopies {
  readonly original: FeatureMatrix;
  readonly copies: readonly FeatureMatrix[];
}

/**
 * Packs the split's sides for training. Augmented copies are made of training items only, after
 * the split, so no copy of a validation or test file (or speaker) ever trains the model; each copy
 * is taken from the feature cache when an earlier run made it, else computed and kept there.
 */
export async function prepareTrainingData(sides: TrainingSides, plan: AugmentationPlan, seed: number, options: PrepareTrainingOptions): Promise<TrainingData> {
  const { featuriser } = options;
  const progress = new TrainingDataProgressCounter(options.onProgress ?? (() => {}));
  const cache = new LoadFeatureCache(options.cache ?? null, featuriser.config);
  const [frames, bins] = shapeOf(sides, options.features);
  const originals = (refs: readonly TrainingItemRef[]) => refs.map((ref, item): FeatureRow => ({ matrix: featuresOf(ref, options.features), label: ref.label, item, augmented: false }));
  const validation = packFeatures(originals(sides.validation), frames, bins);
  const test = packFeatures(originals(sides.test), frames, bins);

  const plans = sides.train.map((ref) => copyPlanOf(ref, plan, seed, options));
  await cache.prefetchVariants(plans.flatMap(({ source, variants }) => variants.map((variant) => ({ entry: source.entry, variant: clipVariantKey(variant) }))));
  progress.start(plan.copies > 0 ? sides.train.length : 0);
  const copies = await mapInOrder(sides.train, featuriser.capacity * 2, async (ref, index): Promise<ItemCopies> => {
    const original = featuresOf(ref, options.features);
    if (plan.copies === 0) return { original, copies: [] };
    return { original, copies: await copiesOf(ref, plans[index], featuriser, cache, progress) };
  });
  await cache.flush();
  const trainRows = copies.flatMap(({ original, copies: augmented }, item): FeatureRow[] => [
    { matrix: original, label: sides.train[item].label, item, augmented: false },
    ...augmented.map((matrix) => ({ matrix, label: sides.train[item].label, item, augmented: true })),
  ]);
  const { copiesComputed, copiesFromCache } = progress.snapshot();
  return { train: packFeatures(trainRows, frames, bins), validation, test, copiesComputed, copiesFromCache };
}

interface CopyPlan {
  readonly source: EntrySource;
  readonly variants: readonly ClipVariant[];
}

function copyPlanOf(ref: TrainingItemRef, plan: AugmentationPlan, seed: number, options: PrepareTrainingOptions): CopyPlan {
  const source = options.sources.get(ref.path);
  if (source === undefined) throw notLoaded(ref.path);
  const contentKey = `${(source.entry.crc32 >>> 0).toString(16)}|${source.entry.uncompressedSize}`;
  return { source, variants: plan.copies > 0 ? planCopies(plan, seed, contentKey) : [] };
}

async function copiesOf(ref: TrainingItemRef, plan: CopyPlan, featuriser: Featuriser, cache: LoadFeatureCache, progress: TrainingDataProgressCounter): Promise<FeatureMatrix[]> {
  const { entry, archive } = plan.source;
  const cached = plan.variants.map((variant) => matrixOf(cache.cached(entry, clipVariantKey(variant))));
  const missing = plan.variants.filter((_, index) => cached[index] === null);
  if (missing.length === 0) {
    progress.clipDone(0, plan.variants.length);
    return cached as FeatureMatrix[];
  }
  const bytes = await readEntry(archive, entry);
  if (!(bytes instanceof Uint8Array)) throw new TrainingDataError(`${ref.path} could not be read again for its augmented copies: ${bytes.message}`);
  const result = await featuriser.featurise({ name: entry.name, bytes, variants: missing });
  if (result.kind === 'skipped') throw new TrainingDataError(`${ref.path} could not be decoded again for its augmented copies: ${result.skip.message}`);
  const computed = [...result.features];
  for (const [index, variant] of missing.entries()) {
    const features: EntryFeatures = { kind: 'featurised', durationSeconds: result.durationSeconds, fingerprint: result.fingerprint, mfcc: computed[index] };
    await cache.keep(entry, features, clipVariantKey(variant));
  }
  progress.clipDone(missing.length, plan.variants.length - missing.length);
  return cached.map((matrix) => matrix ?? (computed.shift() as FeatureMatrix));
}

function matrixOf(features: EntryFeatures | null): FeatureMatrix | null {
  return features !== null && features.kind === 'featurised' ? features.mfcc : null;
}

function featuresOf(ref: TrainingItemRef, features: ReadonlyMap<string, FeatureMatrix>): FeatureMatrix {
  const matrix = features.get(ref.path);
  if (matrix === undefined) throw notLoaded(ref.path);
  return matrix;
}

function shapeOf(sides: TrainingSides, features: ReadonlyMap<string, FeatureMatrix>): [number, number] {
  const first = [...sides.train, ...sides.validation, ...sides.test][0];
  if (first === undefined) throw new TrainingDataError('There are no files to train on.');
  const { frames, bins } = featuresOf(first, features);
  return [frames, bins];
}

function notLoaded(path: string): TrainingDataError {
  return new TrainingDataError(`${path} is not in the loaded dataset (it was skipped, or another dataset was loaded since): load the dataset again.`);
}
