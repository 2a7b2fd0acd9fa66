import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../src/fixtures/fixtures';
import { loadAudio } from '../src/core/audio/load-audio';
import { DEFAULT_FEATURE_CONFIG } from '../src/core/features/feature-config';
import { FeatureExtractor } from '../src/core/features/feature-extractor';
import { analyseAudio } from './analyse-audio';
import { type AnalyseRequest, type AudioSource, transferList, type WorkerResponse } from './protocol';

const extractor = new FeatureExtractor(DEFAULT_FEATURE_CONFIG);

function bytesSource(bytes: Uint8Array): AudioSource {
  return { kind: 'bytes', bytes: bytes.slice().buffer };
}

function request(fileName: string, source: AudioSource): AnalyseRequest {
  return { type: 'analyse', id: 7, fileName, source };
}

function expectAnalysis(response: WorkerResponse) {
  if (response.type !== 'analysis') throw new Error(`expected an analysis, got: ${JSON.stringify(response)}`);
  return response;
}

describe('analyseAudio', () => {
  it('decodes, resamples and featurises WAV bytes exactly as the core does', async () => {
    const file = '03-01-05-02-02-02-02.wav';
    const bytes = readFixture(`speech/${file}`);
    const response = expectAnalysis(await analyseAudio(request(file, bytesSource(bytes)), extractor));

    expect(response.id).toBe(7);
    expect(response.info).toEqual({
      fileName: file,
      sourceFormat: 'WAV PCM 16-bit',
      sourceRate: 48000,
      channels: 1,
      duration: 192192 / 48000,
      sampleRate: 22050,
    });
    expect([response.mfcc.bins, response.mfcc.frames, response.logMel.bins, response.logMel.frames]).toEqual([40, 182, 128, 182]);
    const direct = extractor.extract((await loadAudio(bytes, file, 22050)).samples);
    expect(response.mfcc.data).toEqual(direct.mfcc.data);
    expect(response.logMel.data).toEqual(direct.logMel.data);
    for (const ms of Object.values(response.timings)) expect(ms).toBeGreaterThanOrEqual(0);
    expect(response.waveform.duration).toBeCloseTo(192192 / 48000, 3);
    expect(response.waveform.max.length).toBe(1200);
    expect(Math.max(...response.waveform.max)).toBeCloseTo(Math.max(...(await loadAudio(bytes, file, 22050)).samples), 6);
    expect(transferList(response)).toEqual([response.logMel.data.buffer, response.mfcc.data.buffer, response.waveform.min.buffer, response.waveform.max.buffer]);
  });

  it('takes stereo samples the page decoded and reports their channels', async () => {
    const left = new Float32Array(48000).map((_, i) => Math.sin(i / 10));
    const source: AudioSource = { kind: 'decoded', channels: [left, left.slice()], sampleRate: 48000, sourceFormat: 'Ogg Opus, decoded by the browser' };
    const response = expectAnalysis(await analyseAudio(request('tone.opus', source), extractor));
    expect(response.info).toMatchObject({ channels: 2, sourceRate: 48000, duration: 1, sourceFormat: 'Ogg Opus, decoded by the browser' });
    expect(response.timings.decodeMs).toBe(0);
  });

  it('asks the page to decode a format only the browser can (MP3)', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../e2e/fixtures/ravdess-angry-44k1.mp3', import.meta.url)));
    const response = await analyseAudio(request('angry.mp3', bytesSource(bytes)), extractor);
    expect(response).toMatchObject({ type: 'failure', id: 7, unsupported: true });
  });

  it('explains a text file named .wav in one sentence, and does not offer the browser decoder', async () => {
    const bytes = new TextEncoder().encode('This is a plain text file, not audio.\n');
    const response = await analyseAudio(request('not-audio.wav', bytesSource(bytes)), extractor);
    expect(response).toEqual({
      type: 'failure',
      id: 7,
      message: 'Could not read not-audio.wav: not a recognised audio file.',
      unsupported: false,
    });
  });

  it('refuses decoded audio without samples', async () => {
    const source: AudioSource = { kind: 'decoded', channels: [new Float32Array(0)], sampleRate: 48000, sourceFormat: 'WebM Opus' };
    const response = await analyseAudio(request('silence.webm', source), extractor);
    expect(response).toMatchObject({ type: 'failure', message: 'Could not read silence.webm: it holds no audio samples.' });
  });
});
