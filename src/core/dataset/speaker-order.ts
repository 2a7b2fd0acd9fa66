/** Speakers in natural order (`emodb:03` before `emodb:10`, `crema-d:1001` before `crema-d:1010`), the unknown speaker last. */
export function compareSpeakers(a: string | null, b: string | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return a.localeCompare(b, 'en', { numeric: true });
}
