/** The 80-bit IEEE 754 extended float that AIFF uses for its sample rate, big-endian at `offset`. */
export function readIeeeExtended(view: DataView, offset: number): number {
  const signAndExponent = view.getUint16(offset, false);
  const hi = view.getUint32(offset + 2, false);
  const lo = view.getUint32(offset + 6, false);
  const exponent = (signAndExponent & 0x7fff) - 16383;
  const value = (hi * 2 ** -31 + lo * 2 ** -63) * 2 ** exponent;
  return signAndExponent & 0x8000 ? -value : value;
}
