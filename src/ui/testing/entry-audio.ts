import { openZip } from '../../core/zip/open-zip';

/** A playable URL for one entry of a dropped ZIP, read on the page; the caller revokes it. */
export async function entryAudioUrl(zipFile: File, entryPath: string): Promise<string> {
  const archive = await openZip(zipFile, zipFile.name);
  const entry = archive.entries.find((candidate) => candidate.path === entryPath);
  if (!entry) throw new Error(`${entryPath} is no longer in ${zipFile.name}.`);
  const bytes = await archive.read(entry);
  return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
}
