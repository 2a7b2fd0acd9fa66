/** An entry's stored name made safe to use as a path inside the archive. */
export interface EntryPath {
  /** `/`-separated, NFC, no empty, `.` or `..` segments, no leading `/` or drive letter. */
  readonly path: string;
  /** The last segment, or '' for a name with none (such as `../`). */
  readonly name: string;
  /** The stored name ended with a slash, as folder entries do. */
  readonly endsWithSlash: boolean;
}

// C0 controls and DEL mean nothing in a file name and could garble a display of it.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/**
 * Normalises a stored name lexically, never touching a file system: backslashes count as slashes
 * (old Windows writers), `..` climbs at most to the archive's root, so `../x`, `/x` and `C:\x` all
 * become `x`. Composed (NFC) form, so that a macOS name like "fröhlich" matches one typed elsewhere.
 */
export function normaliseEntryPath(storedName: string): EntryPath {
  const text = storedName.normalize('NFC').replace(CONTROL_CHARACTERS, '\ufffd').replace(/\\/g, '/');
  const segments: string[] = [];
  for (const segment of text.replace(/^[A-Za-z]:/, '').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return { path: segments.join('/'), name: segments.at(-1) ?? '', endsWithSlash: text.endsWith('/') };
}
