/** A byte count as people read it, in decimal units: "950 bytes", "12.3 MB", "4.2 GB". */
export function formatByteSize(bytes: number): string {
  // A ZIP64 size beyond 2^53 reads as Infinity (see uint64.ts).
  if (!Number.isFinite(bytes)) return 'an impossibly large size';
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let value = bytes;
  let unit = -1;
  // 999.5 kB and up print as MB, never as "1000 kB".
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)} ${units[unit]}`;
}
