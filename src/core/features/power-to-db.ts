/**
 * librosa.power_to_db in place: 10 log10(max(amin, S)) - 10 log10(max(amin, ref)), then everything
 * below (the maximum of the whole matrix - topDb) is raised to that floor.
 */
export function powerToDbInPlace(values: Float64Array, reference: number, amin: number, topDb: number | null): void {
  const offset = 10 * Math.log10(Math.max(amin, reference));
  let maximum = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const db = 10 * Math.log10(Math.max(amin, values[i])) - offset;
    values[i] = db;
    if (db > maximum) maximum = db;
  }
  if (topDb === null) return;
  const floor = maximum - topDb;
  for (let i = 0; i < values.length; i++) if (values[i] < floor) values[i] = floor;
}
