import { guessDelimiter, parseDelimitedText, type DelimitedRow } from './delimited-text';
import { foldLabel, normaliseLabelText } from './emotion-vocabulary';
import { folderOf, normaliseEntryPath } from './entry-path';

/** A manifest file as found in a ZIP: its entry path and its text. */
export interface ManifestFile {
  readonly path: string;
  readonly text: string;
}

/** One listed file: the path as written (normalised), its folded label and its speaker. */
export interface ManifestEntry {
  readonly line: number;
  readonly filePath: string;
  readonly label: string;
  /** `manifest:<id>` for the manifest's speaker column, so it never meets a corpus's speaker ids; null without one. */
  readonly speaker: string | null;
}

export interface LabelManifest {
  readonly path: string;
  /** The folder the manifest is in; listed paths are relative to it or to the ZIP's root. */
  readonly folder: string;
  readonly entries: readonly ManifestEntry[];
  /** Rows that could not be used, as sentences for users. */
  readonly problems: readonly string[];
}

interface ColumnLayout {
  readonly path: number;
  readonly label: number;
  readonly speaker: number | null;
}

const PATH_COLUMNS = ['path', 'file', 'filename', 'file_name', 'filepath', 'file_path', 'wav', 'audio', 'name'];
const LABEL_COLUMNS = ['label', 'emotion', 'class', 'category'];
const SPEAKER_COLUMNS = ['speaker', 'speaker_id', 'actor', 'talker', 'group'];
/**
 * A manifest without a header must start with an audio file's path, so that other tables shipped
 * with a corpus (CREMA-D's `VideoDemographics.csv`) are not read as labels.
 */
const AUDIO_FILE = /\.(wav|wave|flac|mp3|ogg|oga|opus|m4a|aac|mp4|webm|aif|aiff|aifc)$/i;
/** Without a header: path, label, then an optional speaker. */
const POSITIONAL_LAYOUT: ColumnLayout = { path: 0, label: 1, speaker: 2 };

/**
 * CSV and TSV files are read as label manifests (`path,label[,speaker]`, with a header naming those
 * columns or none); macOS resource forks are not.
 */
export function isManifestPath(path: string): boolean {
  const normalised = normaliseEntryPath(path);
  return /\.(csv|tsv)$/i.test(normalised) && !/(^|\/)(__MACOSX\/|\._)/.test(normalised);
}

export function parseLabelManifest(file: ManifestFile): LabelManifest {
  const delimiter = /\.tsv$/i.test(file.path) ? '\t' : guessDelimiter(file.text);
  const { rows, unclosedQuoteLine } = parseDelimitedText(file.text, delimiter);
  const problems: string[] = [];
  if (unclosedQuoteLine !== null) problems.push(`${file.path}, line ${unclosedQuoteLine}: a quote is opened but never closed.`);
  const header = rows.length > 0 ? headerLayout(rows[0]) : null;
  const manifest = { path: normaliseEntryPath(file.path), folder: folderOf(file.path) };
  if (header === null && rows.length > 0 && !AUDIO_FILE.test(rows[0].fields[0])) {
    const note = `${file.path} is not read as a label manifest: its first row neither names path and label columns nor lists an audio file.`;
    return { ...manifest, entries: [], problems: [note] };
  }
  const entries = readEntries(header === null ? rows : rows.slice(1), header ?? POSITIONAL_LAYOUT, file.path, problems);
  return { ...manifest, entries, problems };
}

/** The column layout a header row names, or null when the first row is data. */
function headerLayout(row: DelimitedRow): ColumnLayout | null {
  const names = row.fields.map(normaliseLabelText);
  const find = (candidates: readonly string[]) => names.findIndex((name) => candidates.includes(name));
  const path = find(PATH_COLUMNS);
  const label = find(LABEL_COLUMNS);
  if (path < 0 || label < 0) return null;
  const speaker = find(SPEAKER_COLUMNS);
  return { path, label, speaker: speaker < 0 ? null : speaker };
}

function readEntries(rows: readonly DelimitedRow[], layout: ColumnLayout, manifestPath: string, problems: string[]): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  const firstByPath = new Map<string, ManifestEntry>();
  for (const row of rows) {
    const entry = readEntry(row, layout, `${manifestPath}, line ${row.line}`, problems);
    if (entry === null) continue;
    const key = entry.filePath.toLowerCase();
    const first = firstByPath.get(key);
    if (first === undefined) {
      firstByPath.set(key, entry);
      entries.push(entry);
    } else if (first.label !== entry.label || first.speaker !== entry.speaker) {
      problems.push(`${manifestPath}, line ${row.line}: "${entry.filePath}" is listed again (first on line ${first.line}); the first is used.`);
    }
  }
  return entries;
}

function readEntry(row: DelimitedRow, layout: ColumnLayout, where: string, problems: string[]): ManifestEntry | null {
  const field = (index: number | null) => (index === null ? '' : (row.fields[index] ?? '').trim());
  const filePath = normaliseEntryPath(field(layout.path));
  const label = field(layout.label);
  if (filePath === '') {
    problems.push(`${where}: expected a file path and a label, found "${row.fields.join(', ')}".`);
    return null;
  }
  if (label === '') {
    problems.push(`${where}: "${filePath}" has no label.`);
    return null;
  }
  const speaker = field(layout.speaker);
  return { line: row.line, filePath, label: foldLabel(label), speaker: speaker === '' ? null : `manifest:${speaker}` };
}
