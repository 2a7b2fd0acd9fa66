import type { FileLabelling } from './file-labelling';
import { labelFromName } from './label-file';
import { type ManifestEntry, type ManifestFile, parseLabelManifest } from './label-manifest';
import { labelFromManifest, ManifestIndex } from './manifest-index';
import { withSpeakerFolders } from './speaker-folders';

export interface LabelledPath {
  readonly path: string;
  readonly labelling: FileLabelling;
}

export interface DatasetLabelling {
  /** One per path, in the order given. */
  readonly files: readonly LabelledPath[];
  /** Manifest rows that could not be used, and listed files that are not among the paths: sentences for users. */
  readonly manifestProblems: readonly string[];
}

/**
 * Labels every audio entry of one ZIP, using the ZIP's manifests (CSV or TSV) where they list a file,
 * and reads speakers from a layout of speaker folders where names and manifests give none.
 */
export function labelDatasetFiles(paths: readonly string[], manifestFiles: readonly ManifestFile[] = []): DatasetLabelling {
  const manifests = manifestFiles.map(parseLabelManifest);
  const index = new ManifestIndex(manifests);
  const listedAndFound = new Set<ManifestEntry>();
  const files = paths.map((path) => {
    const match = index.find(path);
    if (match === null) return { path, labelling: labelFromName(path) };
    listedAndFound.add(match.entry);
    return { path, labelling: labelFromManifest(match) };
  });
  const missing = manifests.flatMap((manifest) =>
    manifest.entries
      .filter((entry) => !listedAndFound.has(entry))
      .map((entry) => `${manifest.path}, line ${entry.line}: "${entry.filePath}" is not among the audio files.`),
  );
  return { files: withSpeakerFolders(files), manifestProblems: [...manifests.flatMap((manifest) => manifest.problems), ...missing] };
}
