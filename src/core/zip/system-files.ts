// Folders and files that operating systems add to archives and folders on their own.
const SYSTEM_FOLDERS = new Set(['__macosx', '.spotlight-v100', '.trashes', '.fseventsd', '$recycle.bin', 'system volume information']);
const SYSTEM_FILES = new Set(['.ds_store', 'thumbs.db', 'ehthumbs.db', 'desktop.ini', '.localized']);
const APPLE_DOUBLE_PREFIX = '._';

/** macOS resource forks and Finder data, Windows thumbnail caches and the like: never user data. */
export function isSystemFilePath(path: string): boolean {
  const segments = path.toLowerCase().split('/');
  const name = segments.at(-1) ?? '';
  return (
    segments.some((segment) => SYSTEM_FOLDERS.has(segment)) ||
    SYSTEM_FILES.has(name) ||
    name.startsWith(APPLE_DOUBLE_PREFIX)
  );
}
