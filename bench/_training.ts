// What the training benchmarks share: the corpora as one stored ZIP, and a side's scores as table rows.
import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SideEvaluation } from '../workers/training/predict-packed';
import type { AugmentationKind } from '../src/core/augment';
import { DEFAULT_AUGMENTATION_SETTINGS } from '../src/core/augment';
import { DEFAULT_MASKING } from '../src/core/model/spec-augment';
import type { StoppingMonitor } from '../src/core/model/training-types';
import type { AugmentationPlan } from '../workers/training-data/copy-plan';
import { DEFAULT_TRAINING_SETTINGS, type TrainingSettings } from '../workers/training/training-settings';
import type { Row } from './_report';

/** ../shared/corpora zipped once (stored, not deflated) into the temp folder; null where the corpora are absent. */
export function corporaZip(): string | null {
  const corpora = new URL('../../shared/corpora', `file://${process.env.SER_BENCH_DIR ?? process.cwd()}/`).pathname;
  if (!existsSync(corpora)) return null;
  const dir = join(tmpdir(), 'ser-studio-zip-bench');
  const zip = join(dir, 'corpora-flac-stored.zip');
  if (!existsSync(zip)) {
    mkdirSync(dir, { recursive: true });
    const made = spawnSync('zip', ['-0', '-r', '-q', zip, '.'], { cwd: corpora, stdio: 'inherit' });
    if (made.status !== 0) throw new Error('zip failed');
  }
  return zip;
}

export function scoreRows(name: string, side: SideEvaluation | null): Row[] {
  if (side === null) return [];
  return [
    { side: name, measure: 'UAR', value: side.report.unweightedAverageRecall.toFixed(3) },
    { side: name, measure: 'accuracy', value: side.report.accuracy.toFixed(3) },
    { side: name, measure: 'macro F1', value: side.report.macroF1.toFixed(3) },
    ...side.report.classes.map((c) => ({ side: name, measure: `recall ${c.label}`, value: `${c.recall.toFixed(3)} (${c.support})` })),
  ];
}


const env = (name: string, fallback: string) => process.env[name] ?? fallback;

/**
 * The Train page's recipe with the settings the environment overrides:
 * EPOCHS=40 PATIENCE=8 MONITOR=uar MIN_EPOCHS=10 SMOOTHING=0 AVERAGING=0.999 MASKING=0 COPIES=4
 * KINDS=noise,stretch,pitch,shift SEED=1 BATCH=32
 */
export function recipeFromEnvironment(): { settings: TrainingSettings; plan: AugmentationPlan } {
  const settings: TrainingSettings = {
    ...DEFAULT_TRAINING_SETTINGS,
    epochs: Number(env('EPOCHS', '40')),
    batchSize: Number(env('BATCH', '32')),
    seed: Number(env('SEED', '1')),
    labelSmoothing: Number(env('SMOOTHING', String(DEFAULT_TRAINING_SETTINGS.labelSmoothing))),
    weightAveraging: Number(env('AVERAGING', String(DEFAULT_TRAINING_SETTINGS.weightAveraging))),
    masking: env('MASKING', '0') === '1' ? DEFAULT_MASKING : null,
    earlyStopping:
      env('PATIENCE', '8') === '0'
        ? null
        : { patience: Number(env('PATIENCE', '8')), monitor: env('MONITOR', 'uar') as StoppingMonitor, minEpochs: Number(env('MIN_EPOCHS', '10')) },
  };
  const plan: AugmentationPlan = {
    settings: { ...DEFAULT_AUGMENTATION_SETTINGS, kinds: env('KINDS', 'noise,stretch,pitch,shift').split(',') as AugmentationKind[] },
    copies: Number(env('COPIES', '4')),
  };
  return { settings, plan };
}
