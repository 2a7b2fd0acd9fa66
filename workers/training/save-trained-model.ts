import type * as tf from '@tensorflow/tfjs';
import type { SavedModel } from '../protocol';
import type { TrainedModelFacts } from './run-training';

/** Keeps a trained model in the library. Until the library lands, models are not kept. */
export async function saveTrainedModel(_model: tf.Sequential, _facts: TrainedModelFacts): Promise<SavedModel> {
  return { saved: false, problem: 'the model library is not available yet.' };
}
