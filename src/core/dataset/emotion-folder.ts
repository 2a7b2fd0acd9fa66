import type { EntryPath } from './entry-path';
import { emotionOfWord } from './emotion-vocabulary';
import type { FileLabel } from './file-labelling';
import { isTessSpeakerPrefix, tessSpeaker } from './tess-convention';

interface FolderEmotion {
  readonly label: string;
  readonly speaker: string | null;
}

/**
 * The emotion a folder name gives: the whole name when it is an emotion word (`Angry`, `SAD`), else
 * its longest trailing part after `_`, `-` or a space that is one (`OAF_angry`,
 * `YAF_pleasant_surprise`: TESS's `<speaker>_<emotion>`). Names that are no emotion word (`audio`,
 * `Actor_01`, `Train`) give none.
 */
function emotionOfFolder(name: string): FolderEmotion | null {
  const whole = emotionOfWord(name);
  if (whole !== null) return { label: whole, speaker: null };
  const parts = name.split(/[_\s-]+/);
  for (let start = 1; start < parts.length; start++) {
    const label = emotionOfWord(parts.slice(start).join('_'));
    if (label === null) continue;
    const prefix = parts.slice(0, start).join('_');
    return { label, speaker: isTessSpeakerPrefix(prefix) ? tessSpeaker(prefix) : null };
  }
  return null;
}

/** The label of the nearest enclosing folder that names an emotion, or null when none does. */
export function labelFromFolders(entry: EntryPath): FileLabel | null {
  const depth = emotionFolderDepth(entry);
  if (depth === null) return null;
  const emotion = emotionOfFolder(entry.folders[depth]) as FolderEmotion;
  return { ...emotion, source: 'folder', rule: `folder "${entry.folders.slice(0, depth + 1).join('/')}"` };
}

/** The index in `folders` of the nearest enclosing folder that names an emotion, or null. */
export function emotionFolderDepth({ folders }: EntryPath): number | null {
  for (let depth = folders.length - 1; depth >= 0; depth--) if (emotionOfFolder(folders[depth]) !== null) return depth;
  return null;
}
