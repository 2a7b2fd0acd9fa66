import type { ModelStore } from '../../browser/model-store/model-store';
import type { ModelMetadata } from '../../core/model-library/model-metadata';

/**
 * Which model Predict, Test and Live use: the active one, or, when none was chosen, the newest in
 * the library (so a model just trained works at once). Choosing here makes a model active everywhere.
 */
export class ModelChoice {
  models = $state.raw<readonly ModelMetadata[]>([]);
  activeId = $state<string | undefined>(undefined);
  phase = $state<'loading' | 'ready' | 'failed'>('loading');
  failure = $state('');

  readonly #store: Promise<ModelStore>;
  #stopWatching: (() => void) | null = null;

  constructor() {
    // The store brings tfjs; it loads with the page that needs a model, not with the app.
    this.#store = import('../../browser/model-store').then(({ openModelStore, watchModelLibrary }) => {
      this.#stopWatching = watchModelLibrary(() => void this.refresh());
      return openModelStore();
    });
  }

  /** The model in use: the active one, else the newest; undefined when the library is empty. */
  get chosen(): ModelMetadata | undefined {
    return this.models.find((model) => model.id === this.activeId) ?? this.models[0];
  }

  async refresh(): Promise<void> {
    try {
      const store = await this.#store;
      const [models, active] = await Promise.all([store.list(), store.getActive()]);
      this.models = models;
      this.activeId = active?.id;
      this.phase = 'ready';
    } catch (error) {
      this.failure = `The model library could not be read from this browser's storage: ${error instanceof Error ? error.message : String(error)}`;
      this.phase = 'failed';
    }
  }

  async choose(id: string): Promise<void> {
    try {
      await (await this.#store).setActive(id);
      this.activeId = id;
    } catch (error) {
      this.failure = `The model could not be chosen: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  dispose(): void {
    this.#stopWatching?.();
  }
}
