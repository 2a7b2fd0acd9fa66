// Archives by extension: the entry is only listed, so its name is all there is to go on.
const ARCHIVE_EXTENSIONS: Record<string, string> = {
  rar: 'RAR archive',
  '7z': '7-Zip archive',
  tar: 'tar archive',
  tgz: 'tar.gz archive',
  gz: 'gzip file',
  bz2: 'bzip2 file',
  xz: 'xz file',
};

/** Why an archive stored inside the ZIP is not opened, or undefined if the name is not an archive's. */
export function nestedArchiveProblem(name: string): string | undefined {
  const extension = name.toLowerCase().split('.').at(-1) ?? '';
  if (!name.includes('.')) return undefined;
  if (extension === 'zip') return 'a ZIP inside the ZIP is not opened: unzip it and drop its contents, or drop it as its own file';
  const kind = ARCHIVE_EXTENSIONS[extension];
  return kind === undefined ? undefined : `a ${kind} inside the ZIP is not opened: extract it and drop its contents`;
}
