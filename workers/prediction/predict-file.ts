import { AudioDecodeError } from '../../src/core/audio/audio-decode-error';
import { conformAudio } from '../../src/core/audio/load-audio';
import { isSilent, SILENT_CLIP_REASON } from '../../src/core/audio/silence';
import type { EmotionPredictor } from '../../src/core/predict/emotion-predictor';
import { trueLabelOf } from '../../src/core/predict/true-label';
import { audioInfo, decodeSource, nonEmpty } from '../decode-source';
import { failureMessage } from '../failure-message';
import type { FailureResponse, PredictionResponse, PredictRequest } from '../protocol';

/** Answers a `predict` request: decode, conform to the model's rate, predict, and read the true label from the name. */
export async function predictFile(request: PredictRequest, predictor: EmotionPredictor): Promise<PredictionResponse | FailureResponse> {
  const { id, fileName, source } = request;
  try {
    const decoded = nonEmpty(await decodeSource(source, fileName), fileName);
    const audio = conformAudio(decoded, predictor.config.sampleRate);
    if (isSilent(audio.samples)) throw new AudioDecodeError(fileName, SILENT_CLIP_REASON, 'empty');
    const prediction = await predictor.predictClip(audio.samples);
    return {
      type: 'prediction',
      id,
      info: audioInfo(fileName, audio),
      prediction,
      truth: trueLabelOf(fileName, predictor.labels),
    };
  } catch (error) {
    const unsupported = error instanceof AudioDecodeError && error.kind === 'unsupported' && source.kind === 'bytes';
    return { type: 'failure', id, message: failureMessage(fileName, error), unsupported };
  }
}
