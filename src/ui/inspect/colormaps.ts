/** A colour scale: evenly spaced stops, interpolated linearly into a 256-entry RGB table. */
export interface Colormap {
  readonly stops: readonly string[];
  /** 256 x RGB. */
  readonly table: Uint8ClampedArray;
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function colormap(stops: readonly string[]): Colormap {
  const rgb = stops.map(hexToRgb);
  const table = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const position = (i / 255) * (rgb.length - 1);
    const lower = Math.min(Math.floor(position), rgb.length - 2);
    const fraction = position - lower;
    for (let c = 0; c < 3; c++) table[i * 3 + c] = rgb[lower][c] + (rgb[lower + 1][c] - rgb[lower][c]) * fraction;
  }
  return { stops, table };
}

/** Sequential, dark to bright (matplotlib's magma): for spectrogram energy. */
export const MAGMA = colormap(['#000004', '#1c1044', '#4f127b', '#812581', '#b5367a', '#e55064', '#fb8761', '#fec287', '#fcfdbf']);

/** Diverging, blue below zero and red above (Moreland's cool-warm): for signed coefficients. */
export const COOL_WARM = colormap(['#3b4cc0', '#6f92f3', '#aac7fd', '#dddddd', '#f7b89c', '#e7745b', '#b40426']);

/** The same scale as a CSS gradient, for legends. */
export function cssGradient(map: Colormap, direction = 'to right'): string {
  return `linear-gradient(${direction}, ${map.stops.join(', ')})`;
}
