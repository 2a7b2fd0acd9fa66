// Feature-extraction speed on one thread, in Node (V8, as in Chromium): MFCC clips/s for 4.2 s
// clips, decode + resample time for native-rate clips, and Meyda's MFCC for comparison.
import Meyda from 'meyda';
import { decodeAudioFile } from '../src/core/audio/decode-audio-file';
import { conformAudio } from '../src/core/audio/load-audio';
import { mixToMono } from '../src/core/audio/mix-to-mono';
import { resample } from '../src/core/audio/resampler';
import { readWav } from '../src/core/audio/wav-reader';
import { DEFAULT_FEATURE_CONFIG } from '../src/core/features/feature-config';
import { FeatureExtractor } from '../src/core/features/feature-extractor';
import { fixLength } from '../src/core/features/fix-length';
import { librosaReference, readFixture, referenceNames } from '../src/fixtures/fixtures';
import { medianMs, medianMsAsync, printTable, type Row, writeResults } from './_report';

// Reference figures for librosa 0.11 on this kind of machine, one thread (from the issue).
const LIBROSA_MFCC_CLIPS_PER_S = 200;
const LIBROSA_LOAD_RESAMPLE_MS = 1.2;
const CLIP = DEFAULT_FEATURE_CONFIG.fixedLength ?? 92_672;

const clips = referenceNames()
  .filter((name) => name.startsWith('speech') || name.includes('_angry') || name.includes('_sad'))
  .map((name) => fixLength(mixToMono(readWav(readFixture(`audio_22050/${name}.wav`), name)), CLIP));

function mfccThroughput(): Row[] {
  return (['wasm-simd', 'js'] as const).map((backend) => {
    const extractor = new FeatureExtractor(DEFAULT_FEATURE_CONFIG, backend);
    let i = 0;
    const ms = medianMs(() => extractor.extract(clips[i++ % clips.length]), backend === 'js' ? 150 : 1500);
    const clipsPerSecond = 1000 / ms;
    return {
      backend,
      'ms/clip': +ms.toFixed(3),
      'clips/s': Math.round(clipsPerSecond),
      'x librosa (200/s)': +(clipsPerSecond / LIBROSA_MFCC_CLIPS_PER_S).toFixed(2),
    };
  });
}

async function decodeAndResample(): Promise<Row[]> {
  const files = [
    ['audio/ravdess_angry_48k.wav', 'WAV 48 kHz, 4.4 s'],
    ['flac/ravdess_angry_48k.flac', 'FLAC 48 kHz, 4.4 s'],
    ['audio/speech_m3_44k1_stereo_24bit.wav', 'WAV 44.1 kHz stereo 24-bit, 3.1 s'],
    ['quirks/pcm16_96k__OAF_food_fear.wav', 'WAV 96 kHz, 1.5 s'],
    ['audio/tess_sad_24k.wav', 'WAV 24.414 kHz, 2.3 s'],
    ['audio/speech_f3_16k.wav', 'WAV 16 kHz, 3.9 s'],
  ];
  const rows: Row[] = [];
  for (const [path, label] of files) {
    const bytes = readFixture(path);
    const decoded = await decodeAudioFile(bytes, path);
    const mono = mixToMono(decoded);
    const decodeMs = await medianMsAsync(() => decodeAudioFile(bytes, path), 100);
    const resampleMs = medianMs(() => resample(mono, decoded.sampleRate, 22050), 100);
    const totalMs = await medianMsAsync(async () => conformAudio(await decodeAudioFile(bytes, path), 22050), 100);
    rows.push({
      file: label,
      'decode ms': +decodeMs.toFixed(3),
      'resample ms': +resampleMs.toFixed(3),
      'decode+mono+resample ms': +totalMs.toFixed(3),
      'librosa load ms (48 kHz)': path.endsWith('48k.wav') ? LIBROSA_LOAD_RESAMPLE_MS : '',
    });
  }
  return rows;
}

/** Meyda's per-frame MFCC on the same centred frames, for speed and for how far it is from librosa. */
function meydaComparison(): Row[] {
  const name = 'ravdess_angry_48k';
  const reference = librosaReference(name).mfcc_182;
  const clip = fixLength(mixToMono(readWav(readFixture(`audio_22050/${name}.wav`), name)), CLIP);
  const { nFft, hopLength, nMfcc, nMels, sampleRate } = DEFAULT_FEATURE_CONFIG;
  const padded = new Float32Array(clip.length + nFft);
  padded.set(clip, nFft / 2);
  Object.assign(Meyda, { bufferSize: nFft, sampleRate, numberOfMFCCCoefficients: nMfcc, melBands: nMels, windowingFunction: 'hanning' });
  const frames = 182;
  const run = () => {
    const out: number[][] = [];
    for (let t = 0; t < frames; t++) out.push(Meyda.extract('mfcc', padded.subarray(t * hopLength, t * hopLength + nFft)) as unknown as number[]);
    return out;
  };
  const meyda = run();
  let worst = 0;
  for (let t = 0; t < frames; t++) for (let k = 0; k < nMfcc; k++) worst = Math.max(worst, Math.abs(meyda[t][k] - reference[k][t]));
  const ms = medianMs(run, 5, 2);
  return [{ extractor: "Meyda 5.6 extract('mfcc'), 128 bands, 40 coefs", 'ms/clip': +ms.toFixed(1), 'max |dMFCC| vs librosa': +worst.toFixed(1) }];
}

const mfcc = mfccThroughput();
printTable(`MFCC 40 x 182 of a 4.2 s clip, one thread (librosa 0.11: ${LIBROSA_MFCC_CLIPS_PER_S} clips/s)`, mfcc);
const decode = await decodeAndResample();
printTable(`Decode + resample to 22050 Hz, one thread (librosa.load of a 48 kHz clip: ${LIBROSA_LOAD_RESAMPLE_MS} ms)`, decode);
const meyda = meydaComparison();
printTable('Meyda, for comparison (why the MFCC path is our own)', meyda);
writeResults('features', { mfcc, decode, meyda });
