import { isManifestPath, labelDatasetFiles, type LabelledPath, type ManifestFile } from '../src/core/dataset';
import { openZip, type ZipArchive, type ZipEntry, ZipError, type ZipLimits } from '../src/core/zip';
import { featuriseEntry, type FeaturisedEntry } from './dataset-entry';
import type { DatasetProgressCounter } from './dataset-progress-counter';
import type { LoadFeatureCache } from './feature-cache/load-feature-cache';
import type { Featuriser } from './features/featuriser';
import { mapInOrder } from './features/in-order-pool';
import type { ArchiveOutcome } from './protocol';

/** A dropped file opened as a ZIP, its entries sorted into manifests and candidate audio files. */
export interface OpenedArchive {
  readonly name: string;
  readonly archive: ZipArchive;
  readonly manifests: readonly ZipEntry[];
  readonly files: readonly ZipEntry[];
}

export interface LoadedArchive {
  readonly name: string;
  readonly archive: ZipArchive;
  /** The archive's audio-file entries, in the order of `entries`. */
  readonly files: readonly ZipEntry[];
  readonly entries: readonly FeaturisedEntry[];
  readonly labellings: readonly LabelledPath[];
  readonly outcome: ArchiveOutcome;
}

/** Opens one dropped file; a ZipError becomes the archive's outcome instead, so other archives still load. */
export async function openDatasetArchive(file: File, limits?: ZipLimits): Promise<OpenedArchive | ArchiveOutcome> {
  try {
    const archive = await openZip(file, file.name, limits);
    // OS litter (__MACOSX, .DS_Store) is skipped silently; folders carry no data.
    const listed = archive.entries.filter((entry) => !entry.isDirectory && !entry.isSystemFile);
    const manifests = listed.filter((entry) => isManifestPath(entry.path) && entry.problem === undefined);
    const files = listed.filter((entry) => !manifests.includes(entry));
    return { name: file.name, archive, manifests, files };
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    return { name: file.name, opened: false, audioFiles: 0, problems: [`${file.name} was not loaded: ${sentence(error.reason)}`] };
  }
}

/**
 * Labels every file of an opened archive (with its manifests), then reads, decodes and featurises
 * each, keeping the featuriser's workers busy: twice its capacity in flight, so that reading the
 * next entry overlaps the work on the last.
 */
export async function loadDatasetArchive(
  opened: OpenedArchive,
  featuriser: Featuriser,
  progress: DatasetProgressCounter,
  cache: LoadFeatureCache,
): Promise<LoadedArchive> {
  const manifestFiles = await readManifests(opened);
  const labelling = labelDatasetFiles(opened.files.map((entry) => entry.path), manifestFiles.files);
  await cache.prefetch(opened.files);
  const entries = await mapInOrder(opened.files, featuriser.capacity * 2, (entry, index) =>
    featuriseEntry(opened.archive, entry, labelling.files[index].labelling, featuriser, progress, cache),
  );
  await cache.flush();
  const audioFiles = entries.filter(({ item }) => item.durationSeconds !== null).length;
  const problems = [...manifestFiles.problems, ...labelling.manifestProblems];
  const emptiness = noAudioProblem(opened, entries, audioFiles);
  return {
    name: opened.name,
    archive: opened.archive,
    files: opened.files,
    entries,
    labellings: labelling.files,
    outcome: { name: opened.name, opened: true, audioFiles, problems: emptiness === null ? problems : [emptiness, ...problems] },
  };
}

export async function readManifests(opened: OpenedArchive): Promise<{ files: ManifestFile[]; problems: string[] }> {
  const files: ManifestFile[] = [];
  const problems: string[] = [];
  for (const entry of opened.manifests) {
    try {
      files.push({ path: entry.path, text: new TextDecoder().decode(await opened.archive.read(entry)) });
    } catch (error) {
      if (!(error instanceof ZipError)) throw error;
      problems.push(`${opened.name}: the manifest ${entry.path} could not be read: ${sentence(error.reason)}`);
    }
  }
  return { files, problems };
}

function noAudioProblem(opened: OpenedArchive, entries: readonly FeaturisedEntry[], audioFiles: number): string | null {
  if (audioFiles > 0) return null;
  if (entries.length === 0) return `${opened.name} holds no files at all, so it adds nothing to the dataset.`;
  const notAudio = entries.every(({ item }) => item.skipped?.kind === 'not-audio');
  if (notAudio) return `${opened.name} holds no audio files: none of its ${entries.length} files is WAV, AIFF or FLAC audio.`;
  return `${opened.name} holds no audio the studio can read: see the skipped files below for why.`;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
