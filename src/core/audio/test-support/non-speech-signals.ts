// Test and benchmark support: sounds that are not speech, made in code, for the speech check.
import { SeededRandom } from '../../random/seeded-random';

export interface NamedSignal {
  readonly name: string;
  readonly samples: Float32Array;
}

const SECONDS = 3;

/**
 * Noises (white, pink, brown; steady and syllable-rate modulated), tones (pure, harmonic, two-tone),
 * chirps, click trains and instrument-like melodies and chords, each at two levels: the set the
 * speech check must refuse.
 */
export function nonSpeechSignals(sampleRate: number, seed = 1): NamedSignal[] {
  const random = new SeededRandom(seed);
  const n = Math.round(SECONDS * sampleRate);
  const t = (i: number) => i / sampleRate;
  const signals: NamedSignal[] = [
    { name: 'white noise', samples: Float32Array.from({ length: n }, () => random.gaussian()) },
    { name: 'pink noise', samples: pinkNoise(n, random) },
    { name: 'brown noise', samples: brownNoise(n, random) },
    { name: 'white noise, 4 Hz bursts', samples: Float32Array.from({ length: n }, (_, i) => random.gaussian() * Math.max(0, Math.sin(2 * Math.PI * 4 * t(i)))) },
    { name: 'pink noise, 3 Hz bursts', samples: pinkNoise(n, random).map((x, i) => x * Math.max(0, Math.sin(2 * Math.PI * 3 * t(i)))) },
    ...[100, 220, 440, 1000, 3000].map((hz) => ({ name: `sine ${hz} Hz`, samples: Float32Array.from({ length: n }, (_, i) => Math.sin(2 * Math.PI * hz * t(i))) })),
    { name: 'sawtooth 150 Hz', samples: harmonicTone(n, sampleRate, () => 150, 20) },
    { name: 'square 300 Hz', samples: Float32Array.from({ length: n }, (_, i) => Math.sign(Math.sin(2 * Math.PI * 300 * t(i)))) },
    { name: 'dial tone 350 + 440 Hz', samples: Float32Array.from({ length: n }, (_, i) => Math.sin(2 * Math.PI * 350 * t(i)) + Math.sin(2 * Math.PI * 440 * t(i))) },
    { name: 'linear chirp 100-4000 Hz', samples: chirp(n, sampleRate, 100, 4000, 'linear') },
    { name: 'log chirp 50-8000 Hz', samples: chirp(n, sampleRate, 50, 8000, 'log') },
    { name: 'chirp 200-400 Hz, up and down', samples: chirp(n, sampleRate, 200, 400, 'triangle') },
    ...[2, 10, 40].map((rate) => ({ name: `clicks ${rate}/s`, samples: clickTrain(n, sampleRate, rate) })),
    { name: 'random clicks', samples: Float32Array.from({ length: n }, () => (random.next() < 0.002 ? random.gaussian() * 3 : 0)) },
    { name: 'melody of harmonic notes', samples: melody(n, sampleRate, [262, 294, 330, 349, 392, 440, 494, 523]) },
    { name: 'low melody', samples: melody(n, sampleRate, [98, 110, 123, 131, 147, 165]) },
    { name: 'chords', samples: chords(n, sampleRate) },
  ];
  return signals.flatMap(({ name, samples }) => [0.3, 0.02].map((peak) => ({ name: `${name} at ${peak === 0.3 ? 'a loud' : 'a quiet'} level`, samples: scaleToPeak(samples, peak) })));
}

function scaleToPeak(samples: Float32Array, peak: number): Float32Array {
  const max = samples.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  return samples.map((x) => (max === 0 ? 0 : (x / max) * peak));
}

/** Paul Kellet's economy filter of white noise: -3 dB per octave. */
function pinkNoise(n: number, random: SeededRandom): Float32Array {
  let [b0, b1, b2] = [0, 0, 0];
  return Float32Array.from({ length: n }, () => {
    const white = random.gaussian();
    b0 = 0.99765 * b0 + white * 0.099046;
    b1 = 0.963 * b1 + white * 0.2965164;
    b2 = 0.57 * b2 + white * 1.0526913;
    return b0 + b1 + b2 + white * 0.1848;
  });
}

/** Leaky integral of white noise: -6 dB per octave. */
function brownNoise(n: number, random: SeededRandom): Float32Array {
  let value = 0;
  return Float32Array.from({ length: n }, () => (value = 0.998 * value + 0.05 * random.gaussian()));
}

function harmonicTone(n: number, sampleRate: number, pitch: (i: number) => number, harmonics: number): Float32Array {
  let phase = 0;
  return Float32Array.from({ length: n }, (_, i) => {
    phase += (2 * Math.PI * pitch(i)) / sampleRate;
    let sum = 0;
    for (let h = 1; h <= harmonics; h++) sum += Math.sin(h * phase) / h;
    return sum;
  });
}

function chirp(n: number, sampleRate: number, from: number, to: number, shape: 'linear' | 'log' | 'triangle'): Float32Array {
  let phase = 0;
  return Float32Array.from({ length: n }, (_, i) => {
    const progress = i / n;
    const hz =
      shape === 'linear' ? from + (to - from) * progress : shape === 'log' ? from * (to / from) ** progress : from + (to - from) * (1 - Math.abs(2 * ((progress * 3) % 1) - 1));
    phase += (2 * Math.PI * hz) / sampleRate;
    return Math.sin(phase);
  });
}

function clickTrain(n: number, sampleRate: number, perSecond: number): Float32Array {
  const period = Math.round(sampleRate / perSecond);
  return Float32Array.from({ length: n }, (_, i) => (i % period < 3 ? 1 - (i % period) / 3 : 0));
}

/** Notes of a plucked harmonic instrument, about three a second, each decaying. */
function melody(n: number, sampleRate: number, notes: readonly number[]): Float32Array {
  const noteLength = Math.round(sampleRate * 0.3);
  const out = new Float32Array(n);
  for (let start = 0, note = 0; start < n; start += noteLength, note++) {
    const hz = notes[(note * 5) % notes.length];
    const tone = harmonicTone(Math.min(noteLength, n - start), sampleRate, () => hz, 8);
    tone.forEach((x, i) => (out[start + i] = x * Math.exp(-i / (0.12 * sampleRate))));
  }
  return out;
}

function chords(n: number, sampleRate: number): Float32Array {
  const progression = [[262, 330, 392], [220, 262, 330], [175, 220, 262], [196, 247, 294]];
  const chordLength = Math.round(sampleRate * 0.75);
  return Float32Array.from({ length: n }, (_, i) => {
    const chord = progression[Math.floor(i / chordLength) % progression.length];
    const envelope = Math.exp(-(i % chordLength) / (0.5 * sampleRate));
    return envelope * chord.reduce((sum, hz) => sum + Math.sin((2 * Math.PI * hz * i) / sampleRate) + 0.3 * Math.sin((4 * Math.PI * hz * i) / sampleRate), 0);
  });
}
