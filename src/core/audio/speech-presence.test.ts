import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture } from '../../fixtures/fixtures';
import { decodeAudioFile } from './decode-audio-file';
import { conformAudio } from './load-audio';
import { speechPresence } from './speech-presence';
import { nonSpeechSignals } from './test-support/non-speech-signals';

const RATE = 22_050;

async function fixtureAt22k(relative: string): Promise<Float32Array> {
  return conformAudio(await decodeAudioFile(readFixture(relative), relative), RATE).samples;
}

const realSpeech = [
  ...readdirSync(fixturePath('speech')).map((name) => `speech/${name}`),
  ...readdirSync(fixturePath('quirks')).map((name) => `quirks/${name}`),
  ...['emodb_anger_22k', 'ravdess_angry_48k', 'tess_sad_24k', 'speech_6s_48k', 'speech_f3_16k', 'speech_m3_44k1_stereo_24bit', 'speech_s120_p20_48k', 'speech_s220_p80_22k'].map((name) => `audio/${name}.wav`),
];

describe('speechPresence', () => {
  it('finds speech in every real and synthetic utterance the project holds', async () => {
    for (const relative of realSpeech) {
      const presence = speechPresence(await fixtureAt22k(relative), RATE);
      expect(presence.reason, relative).toBeNull();
      expect(presence.voicedSeconds, relative).toBeGreaterThan(0.25);
    }
  });

  it('still finds it under white noise at 10 dB SNR', async () => {
    let seed = 3;
    const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * Math.sqrt(12);
    for (const relative of realSpeech.filter((path) => path.startsWith('speech/'))) {
      const clean = await fixtureAt22k(relative);
      const scale = Math.sqrt(clean.reduce((sum, x) => sum + x * x, 0) / clean.length / 10);
      expect(speechPresence(clean.map((x) => x + scale * noise()), RATE).speech, relative).toBe(true);
    }
  });

  it('refuses every generated noise, tone, chirp, click train and instrument-like sound, saying why', () => {
    for (const signal of nonSpeechSignals(RATE)) {
      const presence = speechPresence(signal.samples, RATE);
      expect(presence.speech, signal.name).toBe(false);
      expect(presence.reason, signal.name).toMatch(/^(it is mostly a steady tone|nothing in it has the pitch of a voice|its pitch holds as steady|its level never rises and falls)/);
    }
  });

  it('refuses the project\'s white noise and 440 Hz tone, silence and a 0.3 s clip, at any rate', async () => {
    expect(speechPresence(await fixtureAt22k('audio/noise_white_22k.wav'), RATE).reason).toMatch(/noise/);
    expect(speechPresence(await fixtureAt22k('audio/sine_440_48k.wav'), RATE).reason).toMatch(/tone/);
    expect(speechPresence(new Float32Array(RATE), RATE).speech).toBe(false);
    expect(speechPresence(new Float32Array(10), 16_000).speech).toBe(false);
    expect(speechPresence(await fixtureAt22k('audio/speech_short_0p3s_48k.wav'), RATE).reason).toBe('it lasts only 0.30 s, too short to hear an emotion in');
    const tone16k = Float32Array.from({ length: 32_000 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 440 * i) / 16_000));
    expect(speechPresence(tone16k, 16_000).speech).toBe(false);
  });
});
