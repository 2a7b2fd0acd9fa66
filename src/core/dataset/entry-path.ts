/** A path inside a ZIP, split into the parts the labelling rules read. */
export interface EntryPath {
  /** Normalised: forward slashes, no `.` or `..` segments, no leading or trailing slash. */
  readonly path: string;
  /** Enclosing folders, outermost first. */
  readonly folders: readonly string[];
  readonly fileName: string;
  /** The file name without its last extension (`03a01Fa.wav` → `03a01Fa`). */
  readonly stem: string;
}

/** Forward slashes, and `.`, `..` and empty segments resolved, since ZIPs made on Windows and hand-written manifests vary. */
export function normaliseEntryPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

export function parseEntryPath(path: string): EntryPath {
  const normalised = normaliseEntryPath(path);
  const segments = normalised.split('/');
  const fileName = segments.pop() ?? '';
  const dot = fileName.lastIndexOf('.');
  return {
    path: normalised,
    folders: segments,
    fileName,
    stem: dot > 0 ? fileName.slice(0, dot) : fileName,
  };
}

/** The folder holding an entry, `''` at the ZIP's root. */
export function folderOf(path: string): string {
  return parseEntryPath(path).folders.join('/');
}
