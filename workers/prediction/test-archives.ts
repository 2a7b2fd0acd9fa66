import { conformAudio } from '../../src/core/audio/load-audio';
import { isSilent, SILENT_CLIP_REASON } from '../../src/core/audio/silence';
import { labelDatasetFiles } from '../../src/core/dataset';
import type { EmotionPredictor } from '../../src/core/predict/emotion-predictor';
import { trueLabelFrom } from '../../src/core/predict/true-label';
import { openDatasetArchive, type OpenedArchive, readManifests } from '../dataset-archive';
import { readEntry } from '../dataset-entry';
import { decodeClip, undecodable } from '../features/decode-clip';
import type { ArchiveOutcome } from '../protocol';
import { evaluateRows, type SideEvaluation } from '../training/predict-packed';
import { type TestedFile, type TestProgress, type TestReport, unknownLabelTally } from './test-report';

/**
 * Tests a model on dropped ZIPs: every audio file is labelled by the same rules as training
 * (manifests, corpus names, emotion folders), decoded and predicted through the one prediction
 * path. Files whose label the model lacks, or that tell none, are reported and left out of the
 * figures, never guessed.
 */
export async function testArchives(files: readonly File[], predictor: EmotionPredictor, onProgress: (progress: TestProgress) => void): Promise<TestReport> {
  const opened = await Promise.all(files.map((file) => openDatasetArchive(file)));
  const archives = opened.filter((candidate): candidate is OpenedArchive => 'archive' in candidate);
  const total = archives.reduce((sum, archive) => sum + archive.files.length, 0);
  const started = performance.now();
  const tested: TestedFile[] = [];
  const outcomes = new Map<OpenedArchive, ArchiveOutcome>();
  for (const archive of archives) {
    const manifests = await readManifests(archive);
    const labelling = labelDatasetFiles(archive.files.map((entry) => entry.path), manifests.files);
    for (const [index, entry] of archive.files.entries()) {
      tested.push(await testEntry(archive, index, labelling.files[index].labelling, predictor));
      const done = tested.length;
      const elapsed = (performance.now() - started) / 1000;
      onProgress({ done, total, etaSeconds: done >= 3 ? (elapsed / done) * (total - done) : null });
    }
    const audioFiles = tested.filter((file) => file.archive === archive.name && file.outcome.kind === 'predicted').length;
    outcomes.set(archive, { name: archive.name, opened: true, audioFiles, problems: [...manifests.problems, ...labelling.manifestProblems] });
  }
  return {
    labels: predictor.labels,
    files: tested,
    archives: opened.map((candidate) => ('archive' in candidate ? outcomes.get(candidate)! : candidate)),
    unknownLabels: unknownLabelTally(tested),
    evaluation: evaluation(tested.filter((file) => !file.heardSpeaker), predictor),
    heard: evaluation(tested.filter((file) => file.heardSpeaker), predictor),
    unsureBelow: predictor.unsureBelow,
  };
}

async function testEntry(archive: OpenedArchive, index: number, labelling: Parameters<typeof trueLabelFrom>[0], predictor: EmotionPredictor): Promise<TestedFile> {
  const entry = archive.files[index];
  const speaker = 'speaker' in labelling ? labelling.speaker : null;
  const base = { archive: archive.name, entry: entry.path, truth: trueLabelFrom(labelling, predictor.labels), speaker, heardSpeaker: speaker !== null && predictor.heardSpeakers.has(speaker) };
  if (entry.problem !== undefined) return { ...base, outcome: { kind: 'skipped', reason: undecodable(entry.problem).message } };
  const bytes = await readEntry(archive.archive, entry);
  if (!(bytes instanceof Uint8Array)) return { ...base, outcome: { kind: 'skipped', reason: bytes.message } };
  const decoded = await decodeClip(bytes, entry.name);
  if (decoded.kind === 'skipped') return { ...base, outcome: { kind: 'skipped', reason: decoded.skip.message } };
  const audio = conformAudio(decoded.audio, predictor.config.sampleRate);
  if (isSilent(audio.samples)) return { ...base, outcome: { kind: 'skipped', reason: undecodable(SILENT_CLIP_REASON).message } };
  const prediction = await predictor.predictClip(audio.samples);
  return { ...base, outcome: { kind: 'predicted', probabilities: prediction.probabilities, predicted: prediction.predicted, answer: prediction.answer, windows: prediction.windows.length, durationSeconds: audio.duration } };
}

/**
 * Figures over the files whose true label the model knows; null when there are none. Every such
 * file counts in the accuracy and the matrix (its top class); the answered share counts the files
 * told an emotion rather than "unsure" or "no speech found".
 */
function evaluation(files: readonly TestedFile[], predictor: EmotionPredictor): SideEvaluation | null {
  const scored = files.flatMap((file) => (file.outcome.kind === 'predicted' && file.truth?.kind === 'known' ? [{ file, outcome: file.outcome, truth: predictor.labels.indexOf(file.truth.label) }] : []));
  if (scored.length === 0) return null;
  const figures = evaluateRows(scored.map((s) => s.outcome.probabilities), scored.map((s) => s.truth), predictor.labels, { temperature: 1, unsureBelow: predictor.unsureBelow });
  const answered = scored.filter((s) => s.outcome.answer.kind === 'emotion');
  const right = answered.filter((s) => s.outcome.predicted === s.truth).length;
  return { ...figures, answered: { share: answered.length / scored.length, accuracy: answered.length === 0 ? 0 : right / answered.length } };
}
