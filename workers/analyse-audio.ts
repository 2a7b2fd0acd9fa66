import { AudioDecodeError } from '../src/core/audio/audio-decode-error';
import { conformAudio } from '../src/core/audio/load-audio';
import type { FeatureExtractor } from '../src/core/features/feature-extractor';
import { waveformPeaks } from '../src/core/audio/waveform-peaks';
import { failureMessage } from './failure-message';
import { audioInfo, decodeSource, nonEmpty } from './decode-source';
import type { AnalyseRequest, AnalysisResponse, FailureResponse } from './protocol';

/** Enough columns for a sharp waveform across a wide dialog; about 10 KB per clip. */
const WAVEFORM_COLUMNS = 1200;

/**
 * Answers an `analyse` request: decode, mix to mono and resample to the extractor's rate (as
 * librosa.load does), then compute log-mel and MFCC, timing each step.
 */
export async function analyseAudio(
  request: AnalyseRequest,
  extractor: FeatureExtractor,
): Promise<AnalysisResponse | FailureResponse> {
  const { id, fileName, source } = request;
  try {
    const started = performance.now();
    const decoded = nonEmpty(await decodeSource(source, fileName), fileName);
    const decodedAt = performance.now();
    const audio = conformAudio(decoded, extractor.config.sampleRate);
    const conformedAt = performance.now();
    const { logMel, mfcc } = extractor.extract(audio.samples);
    const doneAt = performance.now();
    return {
      type: 'analysis',
      id,
      info: audioInfo(fileName, audio),
      config: extractor.config,
      logMel,
      mfcc,
      waveform: waveformPeaks(audio.samples, audio.sampleRate, WAVEFORM_COLUMNS),
      timings: {
        decodeMs: source.kind === 'bytes' ? decodedAt - started : 0,
        resampleMs: conformedAt - decodedAt,
        featuresMs: doneAt - conformedAt,
      },
    };
  } catch (error) {
    const unsupported = error instanceof AudioDecodeError && error.kind === 'unsupported' && source.kind === 'bytes';
    return { type: 'failure', id, message: failureMessage(fileName, error), unsupported };
  }
}
