// Dumps the app's own features of every usable corpus file for the speaker-fold research
// (scripts/research/speaker_folds.py): for each file the original and the 4 augmented copies the
// Train page would make with its default plan (seed 1), as log-mel (182 x 128 dB) and MFCC (182 x 40).
//
//   cd /work/main && node scripts/run-bundled.mjs scripts/research/dump-features.ts
//
// Reads ../shared/corpora (or CORPORA=...), writes to /tmp/ser-research (or OUT=...):
//   logmel.npy  float32 [files * 5, 182, 128]   row = file * 5 + variant (0 original, 1..4 copies)
//   mfcc.npy    float32 [files * 5, 182, 40]
//   index.json  { variants, files: [{ path, corpus, speaker, label, durationSeconds, copies }] }
// Labels are the 7 thesis classes; RAVDESS calm and EMO-DB boredom are left out.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_AUGMENTATION_SETTINGS } from '../../src/core/augment';
import { conformAudio } from '../../src/core/audio/load-audio';
import { DEFAULT_MIN_DURATION_SECONDS } from '../../src/core/dataset/dataset-report';
import { DEFAULT_FEATURE_CONFIG } from '../../src/core/features/feature-config';
import { type ClipFeatures, FeatureExtractor } from '../../src/core/features/feature-extractor';
import { crc32 } from '../../src/core/zip/crc32';
import { augmentedClip } from '../../workers/features/augmented-clip';
import { decodeClip } from '../../workers/features/decode-clip';
import { type AugmentationPlan, planCopies } from '../../workers/training-data/copy-plan';

const CORPORA = process.env.CORPORA ?? join(process.env.SER_ROOT ?? process.cwd(), '../shared/corpora');
const OUT = process.env.OUT ?? '/tmp/ser-research';
const SEED = 1;
const PLAN: AugmentationPlan = { settings: { ...DEFAULT_AUGMENTATION_SETTINGS, kinds: ['noise', 'stretch', 'pitch', 'shift'] }, copies: 4 };
const VARIANTS = 1 + PLAN.copies;

type Corpus = 'ravdess' | 'tess' | 'emodb';
interface CorpusFile {
  readonly path: string;
  readonly corpus: Corpus;
  readonly speaker: string;
  readonly label: string;
}

const RAVDESS = ['neutral', null, 'happiness', 'sadness', 'anger', 'fear', 'disgust', 'surprise'];
const TESS: Record<string, string> = { angry: 'anger', disgust: 'disgust', fear: 'fear', happy: 'happiness', neutral: 'neutral', pleasant_surprise: 'surprise', ps: 'surprise', sad: 'sadness' };
const EMODB: Record<string, string | null> = { W: 'anger', L: null, E: 'disgust', A: 'fear', F: 'happiness', T: 'sadness', N: 'neutral' };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** Corpus, speaker and thesis label from the corpora's own names; null for files without a thesis label. */
function describe(path: string): CorpusFile | null {
  const rel = relative(CORPORA, path);
  const name = rel.split('/').pop()!.replace(/\.(flac|wav)$/i, '');
  if (!/\.(flac|wav)$/i.test(rel)) return null;
  if (rel.startsWith('ravdess/')) {
    const parts = name.split('-');
    const label = RAVDESS[Number(parts[2]) - 1];
    return label ? { path: rel, corpus: 'ravdess', speaker: parts[6], label } : null;
  }
  if (rel.startsWith('tess/')) {
    const folder = rel.split('/')[1];
    const label = TESS[folder.slice(folder.indexOf('_') + 1).toLowerCase()];
    return label ? { path: rel, corpus: 'tess', speaker: folder.slice(0, 3), label } : null;
  }
  if (rel.startsWith('emodb/')) {
    const label = EMODB[name[5]];
    return label ? { path: rel, corpus: 'emodb', speaker: name.slice(0, 2), label } : null;
  }
  return null;
}

/** A float32 .npy writer for a known shape, filled row by row. */
class NpyWriter {
  private readonly fd: number;
  constructor(path: string, shape: readonly number[]) {
    this.fd = openSync(path, 'w');
    let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${shape.join(', ')}), }`;
    const total = 10 + header.length + 1;
    header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
    const prefix = Buffer.alloc(10);
    prefix.write('\x93NUMPY', 0, 'latin1');
    prefix[6] = 1;
    prefix[7] = 0;
    prefix.writeUInt16LE(header.length, 8);
    writeSync(this.fd, prefix);
    writeSync(this.fd, Buffer.from(header, 'latin1'));
  }
  write(row: Float32Array): void {
    writeSync(this.fd, new Uint8Array(row.buffer, row.byteOffset, row.byteLength));
  }
  close(): void {
    closeSync(this.fd);
  }
}

function checkFinite(features: ClipFeatures, what: string): void {
  for (const matrix of [features.logMel, features.mfcc]) {
    for (const value of matrix.data) if (!Number.isFinite(value)) throw new Error(`${what}: non-finite feature value`);
  }
}

async function main(): Promise<void> {
  if (!existsSync(CORPORA)) throw new Error(`no corpora at ${CORPORA}`);
  mkdirSync(OUT, { recursive: true });
  const extractor = new FeatureExtractor(DEFAULT_FEATURE_CONFIG);
  const { sampleRate, fixedLength, nMels, nMfcc } = DEFAULT_FEATURE_CONFIG;
  const files = ['ravdess', 'tess', 'emodb'].flatMap((corpus) => walk(join(CORPORA, corpus))).map(describe).filter((file): file is CorpusFile => file !== null);
  const frames = extractor.extract(new Float32Array(fixedLength ?? sampleRate)).mfcc.frames;
  const logMel = new NpyWriter(join(OUT, 'logmel.npy'), [files.length * VARIANTS, frames, nMels]);
  const mfcc = new NpyWriter(join(OUT, 'mfcc.npy'), [files.length * VARIANTS, frames, nMfcc]);
  const index: object[] = [];
  const started = performance.now();
  for (const [i, file] of files.entries()) {
    const bytes = new Uint8Array(readFileSync(join(CORPORA, file.path)));
    const decoded = await decodeClip(bytes, file.path);
    // Every file of these corpora decodes; a skip here means the corpora or the decoder changed.
    if (decoded.kind === 'skipped') throw new Error(`${file.path}: ${decoded.skip.message}`);
    const audio = conformAudio(decoded.audio, sampleRate);
    if (audio.duration < DEFAULT_MIN_DURATION_SECONDS) throw new Error(`${file.path}: ${audio.duration} s is below the app's minimum`);
    // The content key prepare-training-data.ts gives the copy plan: the ZIP entry's CRC-32 and size.
    const contentKey = `${(crc32(bytes) >>> 0).toString(16)}|${bytes.length}`;
    const copies = planCopies(PLAN, SEED, contentKey);
    const variants = [extractor.extract(audio.samples)];
    for (const copy of copies) {
      if (copy.kind !== 'augmented') continue;
      variants.push(extractor.extract(augmentedClip(audio.samples, sampleRate, copy.spec, copy.seed, fixedLength)));
    }
    for (const [v, features] of variants.entries()) {
      checkFinite(features, `${file.path} variant ${v}`);
      logMel.write(features.logMel.data);
      mfcc.write(features.mfcc.data);
    }
    index.push({ ...file, durationSeconds: audio.duration, copies: copies.map((copy) => (copy.kind === 'augmented' ? copy.spec : null)) });
    if ((i + 1) % 200 === 0) console.log(`${i + 1}/${files.length} files, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  logMel.close();
  mfcc.close();
  writeFileSync(join(OUT, 'index.json'), JSON.stringify({ variants: VARIANTS, frames, seed: SEED, plan: PLAN, featureConfig: DEFAULT_FEATURE_CONFIG, files: index }));
  console.log(`${files.length} files x ${VARIANTS} variants in ${((performance.now() - started) / 1000).toFixed(0)} s -> ${OUT}`);
}

await main();
