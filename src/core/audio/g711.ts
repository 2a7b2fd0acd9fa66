// G.711 expansion tables (ITU-T G.711), scaled like libsndfile does: the 16-bit value / 32768.

function expandUlaw(code: number): number {
  const u = ~code & 0xff;
  const exponent = (u >> 4) & 0x07;
  const mantissa = u & 0x0f;
  const magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
  return u & 0x80 ? -magnitude : magnitude;
}

function expandAlaw(code: number): number {
  const a = code ^ 0x55;
  const exponent = (a >> 4) & 0x07;
  const mantissa = a & 0x0f;
  const magnitude = exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
  return a & 0x80 ? magnitude : -magnitude;
}

function table(expand: (code: number) => number): Float32Array {
  const t = new Float32Array(256);
  for (let code = 0; code < 256; code++) t[code] = expand(code) / 32768;
  return t;
}

export const ULAW_TO_FLOAT = table(expandUlaw);
export const ALAW_TO_FLOAT = table(expandAlaw);
