import type { DatasetItem } from './dataset-item';

/** One dropped ZIP's items under the ZIP's name. */
export interface NamedDataset {
  readonly name: string;
  readonly items: readonly DatasetItem[];
}

/**
 * Several datasets as one. Each path is prefixed with its dataset's name (a repeated name gets
 * ` (2)`, ` (3)`, ...), so equal paths in two ZIPs stay apart. Speaker ids are kept: they are
 * namespaced by corpus, so RAVDESS actors spread over two ZIPs stay the same speakers, and the
 * same recording in two ZIPs shows up as a duplicate.
 */
export function mergeDatasets(datasets: readonly NamedDataset[]): DatasetItem[] {
  const prefixes = new Set<string>();
  return datasets.flatMap(({ name, items }) => {
    let prefix = name;
    for (let copy = 2; prefixes.has(prefix); copy++) prefix = `${name} (${copy})`;
    prefixes.add(prefix);
    return items.map((item) => ({ ...item, path: `${prefix}/${item.path}` }));
  });
}
