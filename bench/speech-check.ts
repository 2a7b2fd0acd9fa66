// The speech check ("no speech found") measured: the share of ../shared/corpora's speech clips it
// lets through, clean and in white noise at 20, 10 and 5 dB SNR, and the share of the generated
// non-speech set (noises, tones, chirps, clicks, instrument-like sounds) it refuses; ms per clip.
// Development machines only for the corpora (it says so when they are absent).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeAudioFile } from '../src/core/audio/decode-audio-file';
import { conformAudio } from '../src/core/audio/load-audio';
import { speechPresence } from '../src/core/audio/speech-presence';
import { nonSpeechSignals } from '../src/core/audio/test-support/non-speech-signals';
import { SeededRandom } from '../src/core/random/seeded-random';
import { printTable, type Row, writeResults } from './_report';

const RATE = 22_050;

function withNoise(samples: Float32Array, snrDb: number, random: SeededRandom): Float32Array {
  const power = samples.reduce((sum, x) => sum + x * x, 0) / samples.length;
  const scale = Math.sqrt(power / 10 ** (snrDb / 10));
  return samples.map((x) => x + scale * random.gaussian());
}

function corpusFiles(): string[] {
  const corpora = new URL('../../shared/corpora', `file://${process.env.SER_BENCH_DIR ?? process.cwd()}/`).pathname;
  if (!existsSync(corpora)) return [];
  const files: string[] = [];
  const walk = (dir: string) => readdirSync(dir, { withFileTypes: true }).forEach((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : files.push(join(dir, entry.name))));
  walk(corpora);
  return files.filter((file) => file.endsWith('.flac'));
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const generated = nonSpeechSignals(RATE);
  const refused = generated.filter((signal) => !speechPresence(signal.samples, RATE).speech);
  rows.push({ set: 'generated non-speech', clips: generated.length, 'share refused': `${((100 * refused.length) / generated.length).toFixed(1)}%` });
  const files = corpusFiles();
  if (files.length === 0) console.log('../shared/corpora is not here: only the generated set is measured.');
  const clips = await Promise.all(files.map(async (file) => conformAudio(await decodeAudioFile(new Uint8Array(readFileSync(file)), file), RATE).samples));
  for (const snr of [null, 20, 10, 5]) {
    if (clips.length === 0) break;
    const random = new SeededRandom(7);
    const started = performance.now();
    const passed = clips.filter((samples) => speechPresence(snr === null ? samples : withNoise(samples, snr, random), RATE).speech).length;
    const ms = (performance.now() - started) / clips.length;
    rows.push({ set: snr === null ? 'corpora speech, clean' : `corpora speech, white noise ${snr} dB SNR`, clips: clips.length, 'share passed': `${((100 * passed) / clips.length).toFixed(1)}%`, 'ms per clip': ms.toFixed(1) });
  }
  printTable('Speech check', rows);
  writeResults('speech-check', { rows, refusedNames: refused.map((signal) => signal.name), passedNonSpeech: generated.filter((s) => !refused.includes(s)).map((s) => s.name) });
}

await main();
