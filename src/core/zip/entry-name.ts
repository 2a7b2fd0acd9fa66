import { decodeCp437 } from './cp437';
import { crc32 } from './crc32';
import { findExtraField, UNICODE_PATH_EXTRA_ID } from './extra-field';

const UTF8_NAME_FLAG = 0x800;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * An entry's stored name as text: UTF-8 when the entry says so (flag bit 11, or an Info-ZIP Unicode
 * Path field whose CRC matches the name it replaces); otherwise UTF-8 if the bytes are valid UTF-8,
 * because macOS and many other writers store UTF-8 without setting the flag, and a CP437 name is
 * almost never valid UTF-8 by accident; otherwise CP437, the format's default.
 */
export function decodeEntryName(rawName: Uint8Array, flags: number, extra: Uint8Array): string {
  if (flags & UTF8_NAME_FLAG) return lenientUtf8.decode(rawName);
  const unicodePath = unicodePathField(rawName, extra);
  if (unicodePath !== undefined) return unicodePath;
  try {
    return strictUtf8.decode(rawName);
  } catch {
    return decodeCp437(rawName);
  }
}

/** Field 0x7075: version 1, the CRC-32 of the stored name, then the name in UTF-8. */
function unicodePathField(rawName: Uint8Array, extra: Uint8Array): string | undefined {
  const field = findExtraField(extra, UNICODE_PATH_EXTRA_ID);
  if (field === undefined || field.length < 5 || field[0] !== 1) return undefined;
  const nameCrc = new DataView(field.buffer, field.byteOffset, 5).getUint32(1, true);
  // A different CRC means another tool renamed the entry after this field was written.
  if (nameCrc !== crc32(rawName)) return undefined;
  return lenientUtf8.decode(field.subarray(5));
}
