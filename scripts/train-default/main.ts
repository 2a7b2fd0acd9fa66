// `npm run train:default`: trains the default model on ../shared/corpora through the app itself:
// the production build in headless Chromium, the Train page driven as a user would (drop the
// corpora as ZIPs, hold speakers out, set the recipe, Train), the model exported from the Models
// page into public/models/default/ with its model card. Same seed and data give the same model.
//
// Settings from the environment (defaults in brackets): VALIDATION [ravdess:15,ravdess:16,emodb:03]
// TEST [ravdess:17..20,emodb:08,emodb:09] EPOCHS [40] COPIES [4] KINDS [noise,stretch,pitch,shift] SEED [1]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BUILTIN_MODEL_ID, BUILTIN_MODEL_NAME } from '../../src/core/model-library/builtin-model';
import { modelCardMarkdown } from '../../src/core/model-library/model-card';
import { METADATA_JSON_NAME, MODEL_JSON_NAME, modelPairFiles, readModelBundle, readModelFiles } from '../../src/core/model-library/model-bundle';
import type { ValidatedModel } from '../../src/core/model-library/validate-model-artifacts';
import { speakerScores } from './speaker-scores';
import { DEFAULT_MODEL_TRUST } from './card-trust';
import { WEIGHTS_FILE_NAME } from '../../src/core/model-library/model-artifacts';
import { serveStatic } from '../../bench/browser/runner/serve-static';
import { corpusZips } from './corpus-zips';
import { buildApp } from './build-app';
import { CHROMIUM_EXECUTABLE, HEADLESS_CHROMIUM_ARGS, loadChromium } from '../headless-chromium';

const root = process.env.SER_ROOT ?? process.cwd();
const corporaDir = join(root, '../shared/corpora');
const outDir = join(root, 'public/models/default');
const env = (name: string, fallback: string) => process.env[name] ?? fallback;
const list = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);
const SPEAKERS = {
  validation: list(env('VALIDATION', 'ravdess:15,ravdess:16,emodb:03')),
  test: list(env('TEST', 'ravdess:17,ravdess:18,ravdess:19,ravdess:20,emodb:08,emodb:09')),
};
const RECIPE = {
  epochs: env('EPOCHS', '40'),
  copies: env('COPIES', '4'),
  kinds: list(env('KINDS', 'noise,stretch,pitch,shift')),
  seed: env('SEED', '1'),
};
const CORPORA = ['ravdess', 'tess', 'emodb'];
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 60_000).toFixed(1)} min`;

if (process.env.SCORE_ONLY === '1') {
  // Re-scores the committed model and rewrites its card, without training.
  const files = [MODEL_JSON_NAME, WEIGHTS_FILE_NAME].map((name) => new File([readFileSync(join(outDir, name))], name));
  await writeDefaultModel(await readModelFiles(files));
  process.exit(0);
}

buildApp(root);
const work = mkdtempSync(join(tmpdir(), 'ser-default-'));
console.log('zipping the corpora:');
const zips = corpusZips(corporaDir, CORPORA, work);
const server = await serveStatic(join(root, 'dist'));
const chromium = await loadChromium();
// A persistent profile, as a user's browser has: storage quotas of a real disk, not an incognito context's.
const browser = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath: CHROMIUM_EXECUTABLE,
  args: [...HEADLESS_CHROMIUM_ARGS],
  acceptDownloads: true,
});
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.log(`console ${message.type()}: ${message.text()}`);
  });
  const name = await train(page);
  const bundle = await exportBundle(page, name);
  await writeDefaultModel(await readModelBundle(new File([bundle as Uint8Array<ArrayBuffer>], 'default.zip')));
  console.log(`done in ${elapsed()}: public/models/default/`);
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}

async function train(page: Page): Promise<string> {
  await page.goto(new URL('#/train', server.url).href);
  await page.locator('#dataset-files').setInputFiles(zips);
  await page.getByText(`Dataset from ${CORPORA.map((corpus) => `${corpus}.zip`).join(', ')}.`).waitFor({ timeout: 30 * 60_000 });
  console.log(`[${elapsed()}] dataset loaded`);
  for (const side of ['Train', 'Validation', 'Test'] as const) await page.getByLabel(`${side} %`).fill(side === 'Train' ? '100' : '0');
  await page.getByText(/Hold out speakers by hand/).click();
  for (const side of ['validation', 'test'] as const) {
    for (const speaker of SPEAKERS[side]) await page.getByLabel(`Side for speaker ${speaker}`).selectOption(side);
  }
  await page.getByLabel('Augmented copies per training clip').fill(RECIPE.copies);
  for (const kind of ['noise', 'stretch', 'pitch', 'shift']) {
    await page.locator(`.augment__kind[data-kind="${kind}"] .augment__toggle input[type="checkbox"]`).setChecked(RECIPE.kinds.includes(kind));
  }
  await page.getByLabel('Epochs', { exact: true }).fill(RECIPE.epochs);
  await page.getByLabel('Seed').last().fill(RECIPE.seed);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  let last = '';
  const summary = page.getByTestId('training-summary');
  while (!(await summary.isVisible())) {
    const counts = (await page.getByTestId('training-counts').textContent().catch(() => null)) ?? (await page.locator('.train-progress').textContent().catch(() => '')) ?? '';
    if (counts && counts !== last) console.log(`[${elapsed()}] ${counts.trim().replace(/\s+/g, ' ')}`);
    last = counts ?? '';
    await page.waitForTimeout(30_000);
  }
  console.log(`[${elapsed()}] ${(await summary.textContent())?.trim()}`);
  const saved = (await page.getByTestId('training-saved').textContent()) ?? '';
  return saved.match(/“(.+)”/)?.[1] ?? '';
}

async function exportBundle(page: Page, name: string): Promise<Uint8Array> {
  await page.goto(new URL('#/models', server.url).href);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: `Export ${name}` }).getByRole('button', { name: 'Model file (.zip)' }).click(),
  ]);
  return new Uint8Array(readFileSync((await download.path())!));
}

async function writeDefaultModel(trained: ValidatedModel): Promise<void> {
  // The built-in model has a fixed id and name, so the app finds it and users know it.
  const heard = new Set([...SPEAKERS.validation, ...SPEAKERS.test]);
  const named = { ...trained.metadata, id: BUILTIN_MODEL_ID, name: BUILTIN_MODEL_NAME };
  const { scores: groups, calibration } = await speakerScores(root, { ...trained, metadata: named }, speakerGroups());
  // A model trained before the app kept its training speakers and calibration gets them here: the same split, the same fit.
  const metadata = { ...named, calibration, dataset: { ...named.dataset, trainingSpeakers: named.dataset.trainingSpeakers ?? named.dataset.speakers.filter((speaker) => !heard.has(speaker)) } };
  const pair = modelPairFiles({ ...trained, metadata });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, MODEL_JSON_NAME), pair.modelJson);
  writeFileSync(join(outDir, WEIGHTS_FILE_NAME), pair.weights);
  writeFileSync(join(outDir, METADATA_JSON_NAME), `${JSON.stringify(metadata, null, 2)}\n`);
  for (const group of groups) console.log(`  ${group.group}: ${group.files} files, UAR ${(group.uar * 100).toFixed(1)}%, accuracy ${(group.accuracy * 100).toFixed(1)}%, ECE ${group.ece.toFixed(3)}, answered ${(group.answered * 100).toFixed(1)}% at ${(group.answeredAccuracy * 100).toFixed(1)}%`);
  writeFileSync(join(outDir, 'MODEL_CARD.md'), modelCardMarkdown(metadata, {
    groups,
    trust: DEFAULT_MODEL_TRUST,
    data: [
      'RAVDESS (Livingstone & Russo 2018, PLoS ONE 13(5) e0196391), speech, actors 1-20, 22,050 Hz FLAC: CC BY-NC-SA 4.0.',
      'TESS (Pichora-Fuller & Dupuis 2020, doi 10.5683/SP2/E8H2MF), every other word of both speakers: CC BY-NC-ND 4.0.',
      'EMO-DB (Burkhardt et al. 2005, Interspeech), a copy resampled to 22,050 Hz and cut or padded to 2 s: free for research.',
    ],
    validationSpeakers: SPEAKERS.validation,
    testSpeakers: SPEAKERS.test,
    labelNotes: [
      'RAVDESS calm and EMO-DB boredom are left out: the thesis has no class for them, and folding calm into neutral or boredom into sadness would teach the model that different voices are the same emotion.',
      'TESS "ps" (pleasant surprise) is surprise.',
    ],
    licence: 'non-commercial use with attribution to the three corpora above (the most restrictive terms of its data: CC BY-NC-SA 4.0, CC BY-NC-ND 4.0, research use).',
    reproduce: `\`npm run train:default\` (settings: VALIDATION=${SPEAKERS.validation.join(',')} TEST=${SPEAKERS.test.join(',')} EPOCHS=${RECIPE.epochs} COPIES=${RECIPE.copies} KINDS=${RECIPE.kinds.join(',')} SEED=${RECIPE.seed}), which drives the app's own Train page in headless Chromium on ../shared/corpora.`,
  }));
}

/** The held-out speakers by side and corpus: 'validation, ravdess' → [ravdess:15, ravdess:16]. */
function speakerGroups(): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const side of ['validation', 'test'] as const) {
    for (const speaker of SPEAKERS[side]) {
      const corpus = speaker.split(':')[0];
      (groups[`${side}: ${corpus}`] ??= []).push(speaker);
    }
  }
  return Object.fromEntries(Object.entries(groups).map(([group, speakers]) => [`${group} ${speakers.map((s) => s.split(':')[1]).join(', ')}`, speakers]));
}
