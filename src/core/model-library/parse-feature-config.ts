import type { FeatureConfig } from '../features/feature-config';
import { JsonReader } from './json-reader';
import { ModelFileError } from './model-file-error';

const POSITIVE = { min: 0, exclusiveMin: true } as const;
const POSITIVE_INTEGER = { min: 1, integer: true } as const;

/** A FeatureConfig from untrusted JSON: every parameter present, of its type and in its range. */
export function parseFeatureConfig(reader: JsonReader): FeatureConfig {
  const config: FeatureConfig = {
    sampleRate: reader.number('sampleRate', { ...POSITIVE_INTEGER, max: 384_000 }),
    nFft: reader.number('nFft', { ...POSITIVE_INTEGER, max: 65_536 }),
    hopLength: reader.number('hopLength', { ...POSITIVE_INTEGER, max: 65_536 }),
    window: reader.oneOf('window', ['hann'] as const),
    center: reader.boolean('center'),
    nMels: reader.number('nMels', { ...POSITIVE_INTEGER, max: 1024 }),
    fMin: reader.number('fMin', { min: 0 }),
    fMax: reader.nullableNumber('fMax', POSITIVE),
    melScale: reader.oneOf('melScale', ['slaney', 'htk'] as const),
    melNorm: reader.value.melNorm === null ? null : reader.oneOf('melNorm', ['slaney'] as const),
    power: reader.number('power', POSITIVE),
    dbReference: reader.number('dbReference', POSITIVE),
    dbAmin: reader.number('dbAmin', POSITIVE),
    topDb: reader.nullableNumber('topDb', { min: 0 }),
    nMfcc: reader.number('nMfcc', { ...POSITIVE_INTEGER, max: 1024 }),
    fixedLength: reader.nullableNumber('fixedLength', POSITIVE_INTEGER),
    ...(reader.has('modelInput') && { modelInput: reader.oneOf('modelInput', ['mfcc', 'log-mel'] as const) }),
  };
  checkConsistency(config, reader);
  return config;
}

function checkConsistency(config: FeatureConfig, reader: JsonReader): void {
  const where = `${reader.context} is not valid`;
  if ((config.nFft & (config.nFft - 1)) !== 0) throw new ModelFileError(`${where}: "${reader.fieldPath('nFft')}" must be a power of two, not ${config.nFft}.`);
  if (config.nMfcc > config.nMels) {
    throw new ModelFileError(`${where}: ${config.nMfcc} MFCCs cannot come from ${config.nMels} mel bands.`);
  }
  const top = config.fMax ?? config.sampleRate / 2;
  if (config.fMin >= top || top > config.sampleRate / 2) {
    throw new ModelFileError(`${where}: the mel bands must lie between 0 Hz and half the sample rate (${config.sampleRate / 2} Hz), with fMin below fMax.`);
  }
}
