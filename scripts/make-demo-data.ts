// `node scripts/run-bundled.mjs scripts/make-demo-data.ts`: the demo ZIPs of public/demo/ from
// ../shared/corpora's RAVDESS (CC BY-NC-SA 4.0): a training set of 4 actors and a test set of 2
// others, each emotion the thesis knows (calm left out) at normal and strong intensity.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeStoredZip } from '../src/core/zip/zip-writer';

const root = process.env.SER_ROOT ?? process.cwd();
const ravdess = join(root, '../shared/corpora/ravdess');
const EMOTIONS = ['01', '03', '04', '05', '06', '07', '08'];
const NOTICE = `Demo data for SER Studio: utterances from RAVDESS, the Ryerson Audio-Visual Database of
Emotional Speech and Song (Livingstone & Russo 2018, PLoS ONE 13(5): e0196391,
https://doi.org/10.1371/journal.pone.0196391), audio-only speech, converted to 22,050 Hz mono
FLAC. Licence: CC BY-NC-SA 4.0 (https://creativecommons.org/licenses/by-nc-sa/4.0/): non-commercial
use, with attribution, shared alike. File names are RAVDESS's own: modality-channel-emotion-
intensity-statement-repetition-actor.
`;

function files(actors: readonly number[], intensities: readonly string[]): { path: string; data: Uint8Array }[] {
  return actors.flatMap((actor) => {
    const folder = `Actor_${String(actor).padStart(2, '0')}`;
    return EMOTIONS.flatMap((emotion) =>
      intensities
        // Neutral has only normal intensity in RAVDESS; its second take is repetition 02.
        .map((intensity) => (emotion === '01' && intensity === '02' ? ['01', '02'] : [intensity, '01']))
        .map(([intensity, repetition]) => {
          const name = `03-01-${emotion}-${intensity}-01-${repetition}-${folder.slice(6)}.flac`;
          return { path: `${folder}/${name}`, data: new Uint8Array(readFileSync(join(ravdess, folder, name))) };
        }),
    );
  });
}

const notice = { path: 'NOTICE.txt', data: new TextEncoder().encode(NOTICE) };
for (const [name, set] of [
  ['ravdess-demo-train.zip', files([1, 2, 3, 4], ['01', '02'])],
  ['ravdess-demo-test.zip', files([19, 20], ['01', '02'])],
] as const) {
  const zip = writeStoredZip([notice, ...set]);
  writeFileSync(join(root, 'public/demo', name), zip);
  console.log(`public/demo/${name}: ${set.length} files, ${(zip.length / 1024).toFixed(0)} KB`);
}
