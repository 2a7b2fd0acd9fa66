import { emotionFolderDepth } from './emotion-folder';
import { parseEntryPath } from './entry-path';
import type { LabelledPath } from './label-dataset-files';

/** Folder names that split a dataset rather than name a voice (`data/train/angry/...`). */
const NOT_SPEAKERS = new Set(['train', 'training', 'test', 'testing', 'val', 'valid', 'validation', 'dev', 'eval', 'data', 'dataset', 'datasets', 'audio', 'wav', 'wavs', 'speech', 'all', 'clips', 'files']);

interface SpeakerFolderCandidate {
  readonly index: number;
  /** Folders above the speaker's folder, joined: where its sibling speakers are. */
  readonly container: string;
  readonly speakerFolder: string;
  readonly emotionFolder: string;
}

/**
 * Speakers read from a layout of speaker folders holding emotion folders,
 * `<corpus>/<speaker>/<emotion>/<file>`, the way CASIA is shipped. Only files labelled by their
 * emotion folder with no speaker yet take part, and a folder counts as a speaker only when at
 * least two sibling folders each hold at least two emotion folders: one `dataset/angry/` or
 * `train/angry/`, `test/angry/` is no layout of speakers. The speaker is namespaced by the
 * folder above (`CASIA:liuchanhg`), or `folders:` at the ZIP's root.
 */
export function withSpeakerFolders(files: readonly LabelledPath[]): LabelledPath[] {
  const candidates = files.flatMap((file, index) => candidateOf(file, index) ?? []);
  const speakerFolders = new Map<string, Set<string>>();
  for (const candidate of candidates) {
    const key = `${candidate.container}/${candidate.speakerFolder}`;
    speakerFolders.set(key, (speakerFolders.get(key) ?? new Set()).add(candidate.emotionFolder));
  }
  const speakersPerContainer = new Map<string, number>();
  for (const [key, emotions] of speakerFolders) {
    if (emotions.size < 2) continue;
    const container = key.slice(0, key.lastIndexOf('/'));
    speakersPerContainer.set(container, (speakersPerContainer.get(container) ?? 0) + 1);
  }
  const result = [...files];
  for (const candidate of candidates) {
    const emotions = speakerFolders.get(`${candidate.container}/${candidate.speakerFolder}`)?.size ?? 0;
    if (emotions < 2 || (speakersPerContainer.get(candidate.container) ?? 0) < 2) continue;
    const { path, labelling } = files[candidate.index];
    if (!('label' in labelling)) continue;
    const namespace = candidate.container === '' ? 'folders' : candidate.container.slice(candidate.container.lastIndexOf('/') + 1);
    const speaker = `${namespace}:${candidate.speakerFolder}`;
    result[candidate.index] = { path, labelling: { ...labelling, speaker, rule: `${labelling.rule}, speaker folder "${candidate.speakerFolder}"` } };
  }
  return result;
}

function candidateOf({ path, labelling }: LabelledPath, index: number): SpeakerFolderCandidate | null {
  if (!('label' in labelling) || labelling.source !== 'folder' || labelling.speaker !== null) return null;
  const entry = parseEntryPath(path);
  const depth = emotionFolderDepth(entry);
  if (depth === null || depth < 1) return null;
  const speakerFolder = entry.folders[depth - 1];
  if (NOT_SPEAKERS.has(speakerFolder.toLowerCase())) return null;
  return { index, container: entry.folders.slice(0, depth - 1).join('/'), speakerFolder, emotionFolder: entry.folders[depth] };
}
