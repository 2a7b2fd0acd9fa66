// Augmentation speed on one thread, Node (V8): ms per 4.2 s clip at 22 050 Hz for each augmentation,
// on the wasm SIMD kernel (the default) and in TypeScript (backend 'js'; both give the same samples).
import { mixToMono } from '../src/core/audio/mix-to-mono';
import { readWav } from '../src/core/audio/wav-reader';
import { fixLength } from '../src/core/features/fix-length';
import { readFixture, referenceNames } from '../src/fixtures/fixtures';
import { medianMs, printTable, type Row, writeResults } from './_report';
import { addNoiseAtSnr, pitchShift, shiftSeconds, timeStretch } from '../src/core/augment';
import { SeededRandom } from '../src/core/random/seeded-random';
import { resample } from '../src/core/audio/resampler';
import type { DspBackend } from '../src/core/dsp/wasm/dsp-kernel';

const CLIP = 92_610;
const clips = referenceNames()
  .filter((name) => name.startsWith('speech') || name.includes('_angry') || name.includes('_sad'))
  .map((name) => fixLength(mixToMono(readWav(readFixture(`audio_22050/${name}.wav`), name)), CLIP).slice());
const random = new SeededRandom(1);
let i = 0;
const next = () => clips[i++ % clips.length];
const RUNS = Number(process.env.RUNS ?? 60);
let fresh = 0;
const stretched = timeStretch(clips[0], 2 ** (-2 / 12));
type Case = [string, (backend: DspBackend) => unknown];
const cases: Case[] = [
  ['noise 20 dB', (backend) => addNoiseAtSnr(next(), 20, random, backend)],
  ['shift 0.3 s roll', () => shiftSeconds(next(), 22050, 0.3, 'roll')],
  ['stretch 0.8', (backend) => timeStretch(next(), 0.8, backend)],
  ['stretch 1.25', (backend) => timeStretch(next(), 1.25, backend)],
  ['pitch +2 (stretch 0.891 + resample)', (backend) => pitchShift(next(), 22050, 2, backend)],
  ['  of which resample 24750 -> 22050 Hz', (backend) => resample(stretched, 22050 / 2 ** (-2 / 12), 22050, backend)],
  ['pitch -2', (backend) => pitchShift(next(), 22050, -2, backend)],
  ['pitch, a new rate every call (filter design)', (backend) => pitchShift(next(), 22050, -2 + 4 * ((fresh++ * 0.618034) % 1), backend)],
];
const rows: Row[] = cases.map(([name, run]) => ({
  augmentation: name,
  'ms/clip (median), wasm-simd': +medianMs(() => run('auto'), RUNS).toFixed(2),
  'ms/clip (median), js': +medianMs(() => run('js'), RUNS).toFixed(2),
}));
printTable(`Augmentation of ${clips.length} speech clips, ${CLIP} samples (4.2 s) at 22 050 Hz, one thread`, rows);
writeResults('augment', { rows });
