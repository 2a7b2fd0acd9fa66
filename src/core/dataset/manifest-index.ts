import { normaliseEntryPath } from './entry-path';
import type { FileLabel } from './file-labelling';
import type { LabelManifest, ManifestEntry } from './label-manifest';

/** A manifest row that names a file, and the manifest it is in. */
export interface ManifestMatch {
  readonly manifest: LabelManifest;
  readonly entry: ManifestEntry;
}

/**
 * Finds the manifest row for a file. Paths compare without regard to case (manifests are often
 * typed on systems that ignore it). A row's path is read relative to its manifest's folder first,
 * then to the ZIP's root; the manifest nearest the file wins.
 */
export class ManifestIndex {
  private readonly nearestFirst: readonly { manifest: LabelManifest; byPath: ReadonlyMap<string, ManifestEntry> }[];

  constructor(manifests: readonly LabelManifest[]) {
    this.nearestFirst = [...manifests]
      .sort((a, b) => depth(b.folder) - depth(a.folder))
      .map((manifest) => ({ manifest, byPath: new Map(manifest.entries.map((entry) => [entry.filePath.toLowerCase(), entry])) }));
  }

  find(path: string): ManifestMatch | null {
    const key = normaliseEntryPath(path).toLowerCase();
    for (const { manifest, byPath } of this.nearestFirst) {
      const prefix = manifest.folder === '' ? '' : `${manifest.folder.toLowerCase()}/`;
      const entry = (key.startsWith(prefix) ? byPath.get(key.slice(prefix.length)) : undefined) ?? byPath.get(key);
      if (entry !== undefined) return { manifest, entry };
    }
    return null;
  }
}

function depth(folder: string): number {
  return folder === '' ? 0 : folder.split('/').length;
}

export function labelFromManifest({ manifest, entry }: ManifestMatch): FileLabel {
  return { label: entry.label, speaker: entry.speaker, source: 'manifest', rule: `manifest "${manifest.path}", line ${entry.line}` };
}
