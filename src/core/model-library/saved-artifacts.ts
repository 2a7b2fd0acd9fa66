import * as tf from '@tensorflow/tfjs';

/** What tfjs hands a save handler for `model`: its topology, weight specs and weight bytes, in memory. */
export async function savedArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (saved === undefined) throw new Error('tfjs did not hand over the model to save.');
  return saved;
}
