/**
 * What went wrong with an archive: `not-zip` (the file is something else), `corrupt` (its
 * structure is damaged or cut short), `unsupported` (valid, but a kind of ZIP the studio does not
 * read), `too-large` (its claims exceed a limit) and `unreadable` (the file could no longer be read).
 */
export type ZipErrorKind = 'not-zip' | 'corrupt' | 'unsupported' | 'too-large' | 'unreadable';

/**
 * A problem with a dropped ZIP a user can act on: the message names the archive, the entry if only
 * one entry is affected (the rest of the archive is still readable then), and the reason.
 */
export class ZipError extends Error {
  readonly archiveName: string;
  readonly reason: string;
  readonly kind: ZipErrorKind;
  readonly entryPath: string | undefined;

  constructor(archiveName: string, reason: string, kind: ZipErrorKind, entryPath?: string) {
    super(entryPath === undefined ? `${archiveName}: ${reason}` : `${archiveName}: ${entryPath}: ${reason}`);
    this.name = 'ZipError';
    this.archiveName = archiveName;
    this.reason = reason;
    this.kind = kind;
    this.entryPath = entryPath;
  }
}
