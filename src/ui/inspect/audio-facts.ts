// How the Inspect audio cards write numbers.
const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

export function formatRate(hertz: number): string {
  return `${integer.format(hertz)} Hz`;
}

export function formatChannels(count: number): string {
  if (count === 1) return '1 (mono)';
  return count === 2 ? '2 (stereo)' : String(count);
}

export function formatDuration(seconds: number): string {
  return `${seconds.toFixed(2)} s`;
}

export function formatMilliseconds(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${integer.format(ms)} ms`;
}

export function formatKilohertz(hertz: number): string {
  return `${Number((hertz / 1000).toFixed(1))} kHz`;
}
