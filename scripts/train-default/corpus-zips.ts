// Node only: each corpus folder of ../shared/corpora as one stored ZIP (FLAC does not compress),
// with its own names and folders, as a user would zip a download.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeStoredZip } from '../../src/core/zip/zip-writer';

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

/** Writes `<outDir>/<corpus>.zip` for each corpus folder; returns their paths. */
export function corpusZips(corporaDir: string, corpora: readonly string[], outDir: string): string[] {
  return corpora.map((corpus) => {
    const folder = join(corporaDir, corpus);
    const files = walk(folder).filter((path) => /\.(flac|wav)$/i.test(path));
    const zip = writeStoredZip(files.map((path) => ({ path: relative(folder, path), data: new Uint8Array(readFileSync(path)) })));
    const out = join(outDir, `${corpus}.zip`);
    writeFileSync(out, zip);
    console.log(`  ${corpus}.zip: ${files.length} files, ${(zip.length / 2 ** 20).toFixed(1)} MB`);
    return out;
  });
}
