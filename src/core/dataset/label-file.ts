import { cremaDConvention } from './crema-d-convention';
import { labelFromFolders } from './emotion-folder';
import { emodbConvention } from './emodb-convention';
import { parseEntryPath } from './entry-path';
import type { FileLabelling } from './file-labelling';
import { labelFromManifest, type ManifestIndex } from './manifest-index';
import type { NamingConvention } from './naming-convention';
import { ravdessConvention } from './ravdess-convention';
import { saveeConvention } from './savee-convention';
import { tessConvention } from './tess-convention';
import { thesisConvention } from './thesis-convention';

/** Corpus conventions whose shapes are distinctive enough to overrule a folder; no name fits two of them. */
const CORPUS_CONVENTIONS: readonly NamingConvention[] = [
  ravdessConvention,
  tessConvention,
  saveeConvention,
  cremaDConvention,
  emodbConvention,
];

/**
 * A file's label and speaker. Precedence, first that applies:
 * 1. a manifest row naming the file;
 * 2. a corpus file-name convention: RAVDESS, TESS, SAVEE (`DC_a01`, or `a01` in a `DC/`, `JE/`,
 *    `JK/` or `KL/` folder), CREMA-D, EMO-DB;
 * 3. the nearest enclosing folder that names an emotion (`Train/Angry/`, `tess/OAF_angry/`);
 * 4. the thesis's short names (`a01`, `sa03`), last because names like `d1` or `n01` are common
 *    and an emotion folder is stronger evidence.
 * Otherwise a problem saying why, including a corpus name whose emotion code is unknown.
 */
export function labelFile(path: string, manifests: ManifestIndex | null = null): FileLabelling {
  const match = manifests?.find(path) ?? null;
  return match === null ? labelFromName(path) : labelFromManifest(match);
}

/** A file's label from its name and folders alone (rules 2-4 of `labelFile`). */
export function labelFromName(path: string): FileLabelling {
  const entry = parseEntryPath(path);
  const nearMisses: string[] = [];
  for (const convention of CORPUS_CONVENTIONS) {
    const reading = convention.read(entry);
    if (reading === null) continue;
    if ('label' in reading) return reading;
    nearMisses.push(reading.nearMiss);
  }
  const fromFolder = labelFromFolders(entry);
  if (fromFolder !== null) return fromFolder;
  const thesis = thesisConvention.read(entry);
  if (thesis !== null && 'label' in thesis) return thesis;
  const why = nearMisses[0] ?? 'the name follows no known convention';
  return { problem: `no label: ${why}, and no folder names an emotion.` };
}
