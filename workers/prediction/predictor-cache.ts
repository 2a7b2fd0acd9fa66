import { openModelStore } from '../../src/browser/model-store';
import { EmotionPredictor } from '../../src/core/predict/emotion-predictor';

/**
 * The predictor of the model last asked for: loading a model from IndexedDB and building its
 * feature tables costs far more than predicting a clip, so it is kept while requests name it.
 */
export class PredictorCache {
  #current: { readonly modelId: string; readonly predictor: Promise<EmotionPredictor> } | null = null;

  predictorFor(modelId: string): Promise<EmotionPredictor> {
    if (this.#current?.modelId === modelId) return this.#current.predictor;
    this.#dropCurrent();
    const predictor = openModelStore()
      .load(modelId)
      .then(({ model, metadata }) => {
        try {
          return new EmotionPredictor(model, metadata);
        } catch (error) {
          model.dispose();
          throw error;
        }
      });
    this.#current = { modelId, predictor };
    // A model that failed to load is not kept: the next request tries again.
    predictor.catch(() => {
      if (this.#current?.predictor === predictor) this.#current = null;
    });
    return predictor;
  }

  #dropCurrent(): void {
    const previous = this.#current;
    this.#current = null;
    previous?.predictor.then((predictor) => predictor.dispose(), () => undefined);
  }
}
