import { CONTAINER_NAMES, sniffContainer } from '../audio/container-sniffer';

/** How many leading bytes `notZipReason` wants (tar's magic sits at 257). */
export const FOREIGN_FORMAT_HEAD_SIZE = 512;

interface ForeignFormat {
  readonly description: string;
  /** Its contents could be extracted and dropped as files. */
  readonly isArchive: boolean;
}

interface Signature extends ForeignFormat {
  readonly bytes: readonly number[];
  readonly offset: number;
}

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], offset: 0, description: 'a RAR archive', isArchive: true },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], offset: 0, description: 'a 7-Zip archive', isArchive: true },
  { bytes: [0x1f, 0x8b], offset: 0, description: 'a gzip-compressed file (such as .tar.gz)', isArchive: true },
  { bytes: [0x42, 0x5a, 0x68], offset: 0, description: 'a bzip2-compressed file (such as .tar.bz2)', isArchive: true },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], offset: 0, description: 'an xz-compressed file (such as .tar.xz)', isArchive: true },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], offset: 0, description: 'a Zstandard-compressed file', isArchive: true },
  { bytes: [0x75, 0x73, 0x74, 0x61, 0x72], offset: 257, description: 'a tar archive', isArchive: true },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], offset: 0, description: 'a PDF document', isArchive: false },
];

/** Why a file is not taken as a ZIP, saying what it looks like when its first bytes tell. */
export function notZipReason(head: Uint8Array): string {
  const format = describeForeignFormat(head);
  if (format === undefined) return 'it is not a ZIP archive: no ZIP structure was found in it';
  const advice = format.isArchive ? '. Extract it with an archive tool and drop the files, or a ZIP of them' : '';
  return `it is not a ZIP archive: it looks like ${format.description}${advice}`;
}

/** Another archive, an audio file, or a web page (a failed download often saves the server's error page). */
export function describeForeignFormat(head: Uint8Array): ForeignFormat | undefined {
  const signature = SIGNATURES.find(({ bytes, offset }) => bytes.every((byte, i) => head[offset + i] === byte));
  if (signature !== undefined) return signature;
  const container = sniffContainer(head);
  if (container !== 'unknown') {
    const name = CONTAINER_NAMES[container];
    return { description: `${/^([AEIOU]|MP)/.test(name) ? 'an' : 'a'} ${name} audio file`, isArchive: false };
  }
  if (/^\s*<(!doctype html|html)/i.test(new TextDecoder().decode(head.subarray(0, 64)))) {
    return { description: 'a web page (HTML), perhaps saved by a download that failed', isArchive: false };
  }
  return undefined;
}
