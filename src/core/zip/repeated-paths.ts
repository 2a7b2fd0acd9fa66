import type { ZipEntry } from './zip-entry';

/** Two entries may normalise to one path (`x` and `../x`, or a ZIP updated in place): the first wins. */
export function markRepeatedPaths(entries: readonly ZipEntry[]): ZipEntry[] {
  const seen = new Set<string>();
  return entries.map((entry) => {
    if (entry.isDirectory || entry.problem !== undefined) return entry;
    if (!seen.has(entry.path)) {
      seen.add(entry.path);
      return entry;
    }
    return { ...entry, problem: 'another entry of the archive has the same path, and only the first one is read' };
  });
}
