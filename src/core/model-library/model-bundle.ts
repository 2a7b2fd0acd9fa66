import { concatBytes } from '../zip/concat-bytes';
import { openZip } from '../zip/open-zip';
import { ZipError } from '../zip/zip-error';
import type { ZipArchive } from '../zip/zip-archive';
import type { ZipEntry } from '../zip/zip-entry';
import { writeStoredZip } from '../zip/zip-writer';
import { WEIGHTS_FILE_NAME, withEmbeddedMetadata } from './model-artifacts';
import { ModelFileError } from './model-file-error';
import { manifestPaths, type ModelJson, parseJsonText, parseModelJsonShape } from './model-json';
import { type ValidatedModel, validateModelArtifacts } from './validate-model-artifacts';

export const MODEL_JSON_NAME = 'model.json';
export const METADATA_JSON_NAME = 'metadata.json';

/** Far above any model the studio trains (the thesis CNN's weights are 1.4 MB); guards memory on import. */
const MAX_MODEL_BYTES = 512 * 1024 * 1024;
const MAX_MODEL_JSON_BYTES = 16 * 1024 * 1024;
const BUNDLE_ZIP_LIMITS = { maxTotalBytes: MAX_MODEL_BYTES, maxEntryBytes: MAX_MODEL_BYTES };
const ZIP_MAGIC = [0x50, 0x4b];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The files of one model as a tfjs export writes them: model.json (our metadata inside) and weights.bin. */
export interface ModelFiles {
  readonly modelJson: Uint8Array;
  readonly weights: Uint8Array;
}

/** model.json (metadata embedded) and weights.bin, as `model.save('downloads://…')` would write them. */
export function modelPairFiles(model: ValidatedModel): ModelFiles {
  const modelJson = withEmbeddedMetadata(model.modelJson, model.metadata);
  return { modelJson: encoder.encode(JSON.stringify(modelJson)), weights: model.weights };
}

/**
 * One file per model: a ZIP of model.json (with the metadata inside), weights.bin and
 * metadata.json, a readable copy of the metadata for people and other tools.
 */
export function writeModelBundle(model: ValidatedModel): Uint8Array {
  const pair = modelPairFiles(model);
  return writeStoredZip([
    { path: MODEL_JSON_NAME, data: pair.modelJson },
    { path: WEIGHTS_FILE_NAME, data: pair.weights },
    { path: METADATA_JSON_NAME, data: encoder.encode(`${JSON.stringify(model.metadata, null, 2)}\n`) },
  ]);
}

/**
 * A model from the files a user chose: one model bundle (.zip), or a tfjs model.json with the
 * .bin files its manifest names. Everything is checked (validateModelArtifacts) before it returns.
 */
export async function readModelFiles(files: readonly File[]): Promise<ValidatedModel> {
  if (files.length === 0) throw new ModelFileError('No file was chosen.');
  const zips = await filterAsync(files, looksLikeZip);
  if (zips.length > 0) {
    if (files.length > 1) throw new ModelFileError(`Choose one model file (.zip) at a time, or a model.json with its .bin files; ${files.length} files were chosen, including ${zips[0].name}.`);
    return readModelBundle(zips[0]);
  }
  return readModelPair(files);
}

export async function readModelBundle(file: Blob & { readonly name: string }): Promise<ValidatedModel> {
  const archive = await openBundle(file);
  const modelJsonEntry = findModelJson(archive);
  const modelJson = parseModelJsonShape(parseJsonText(decoder.decode(await readEntry(archive, modelJsonEntry)), `${file.name}'s model.json`));
  const folder = modelJsonEntry.path.slice(0, modelJsonEntry.path.length - modelJsonEntry.name.length);
  const parts: Uint8Array[] = [];
  for (const path of manifestPaths(modelJson)) {
    const entry = archive.entries.find((candidate) => candidate.path === folder + normalisePath(path));
    if (entry === undefined) throw new ModelFileError(`${file.name} lacks ${path}, the weights file its model.json names, so the model is incomplete.`);
    parts.push(await readEntry(archive, entry));
  }
  return validateModelArtifacts(modelJson, concatBytes(parts));
}

async function readModelPair(files: readonly File[]): Promise<ValidatedModel> {
  const jsonFiles = files.filter((file) => file.name.toLowerCase().endsWith('.json'));
  if (jsonFiles.length !== 1) {
    throw new ModelFileError(
      jsonFiles.length === 0
        ? 'None of the chosen files is a model file: choose a model .zip, or a model.json together with its .bin weights files.'
        : `Choose one model.json at a time; ${jsonFiles.length} .json files were chosen (${jsonFiles.map((file) => file.name).join(', ')}).`,
    );
  }
  const [jsonFile] = jsonFiles;
  if (jsonFile.size > MAX_MODEL_JSON_BYTES) throw new ModelFileError(`${jsonFile.name} is too large to be a model.json.`);
  const modelJson = parseModelJsonShape(parseJsonText(await jsonFile.text(), jsonFile.name));
  const weights = await readPairWeights(modelJson, files, jsonFile.name);
  return validateModelArtifacts(modelJson, weights);
}

async function readPairWeights(modelJson: ModelJson, files: readonly File[], jsonName: string): Promise<Uint8Array> {
  const paths = manifestPaths(modelJson);
  const missing = paths.filter((path) => !files.some((file) => file.name === baseName(path)));
  if (missing.length > 0) {
    throw new ModelFileError(`${jsonName} needs its weights file${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: choose ${jsonName} together with ${missing.length > 1 ? 'them' : 'it'}.`);
  }
  const sizes = paths.reduce((sum, path) => sum + files.find((file) => file.name === baseName(path))!.size, 0);
  if (sizes > MAX_MODEL_BYTES) throw new ModelFileError(`The weights files add up to more than ${MAX_MODEL_BYTES / 1024 / 1024} MB, far more than any model the studio uses.`);
  const parts = await Promise.all(paths.map(async (path) => new Uint8Array(await files.find((file) => file.name === baseName(path))!.arrayBuffer())));
  return concatBytes(parts);
}

async function openBundle(file: Blob & { readonly name: string }): Promise<ZipArchive> {
  try {
    return await openZip(file, file.name, BUNDLE_ZIP_LIMITS);
  } catch (error) {
    throw asModelFileError(error, file.name);
  }
}

function findModelJson(archive: ZipArchive): ZipEntry {
  const candidates = archive.entries.filter((entry) => !entry.isDirectory && !entry.isSystemFile && entry.name === MODEL_JSON_NAME);
  if (candidates.length === 0) {
    throw new ModelFileError(`${archive.name} holds no model.json, so it is not a model file. Choose a model exported from SER Studio (.zip), or a model.json with its weights.`);
  }
  if (candidates.length > 1) throw new ModelFileError(`${archive.name} holds ${candidates.length} model.json files; a model file holds one model.`);
  if (candidates[0].uncompressedSize > MAX_MODEL_JSON_BYTES) throw new ModelFileError(`${archive.name}'s model.json is too large to be a model description.`);
  return candidates[0];
}

async function readEntry(archive: ZipArchive, entry: ZipEntry): Promise<Uint8Array> {
  try {
    return await archive.read(entry);
  } catch (error) {
    throw asModelFileError(error, archive.name);
  }
}

function asModelFileError(error: unknown, fileName: string): unknown {
  if (!(error instanceof ZipError)) return error;
  const where = error.entryPath === undefined ? '' : `${error.entryPath}: `;
  return new ModelFileError(`${fileName} could not be read as a model file: ${where}${error.reason}.`);
}

async function looksLikeZip(file: File): Promise<boolean> {
  if (file.name.toLowerCase().endsWith('.zip')) return true;
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return ZIP_MAGIC.every((byte, index) => head[index] === byte);
}

async function filterAsync<T>(items: readonly T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const verdicts = await Promise.all(items.map(keep));
  return items.filter((_, index) => verdicts[index]);
}

/** tfjs writes manifest paths relative to model.json, usually './weights.bin' or 'weights.bin'. */
function normalisePath(path: string): string {
  return path.replace(/^(\.\/)+/, '');
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
