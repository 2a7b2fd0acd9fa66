import type { ModelMetadata } from '../../core/model-library/model-metadata';
import type { ModelStore } from '../../browser/model-store/model-store';
import { modelFileStem } from './model-summary';
import { saveBytes } from './save-bytes';

/** The Models page's state over the model store: the list, the active model and what the last action did. */
export class ModelLibrary {
  models = $state.raw<readonly ModelMetadata[]>([]);
  activeId = $state<string | undefined>(undefined);
  phase = $state<'loading' | 'ready' | 'failed'>('loading');
  busy = $state(false);
  /** What the last action did: a sentence for the user. */
  message = $state('');
  /** Why the last action failed: a sentence for the user. */
  failure = $state('');

  readonly #store: ModelStore;

  constructor(store: ModelStore) {
    this.#store = store;
  }

  /** Whether the model ships with the studio (listed, exportable, never renamed or deleted). */
  isBuiltin(id: string): boolean {
    return this.#store.isBuiltin(id);
  }

  async refresh(): Promise<void> {
    try {
      await this.#reload();
      this.phase = 'ready';
    } catch (error) {
      this.failure = `The model library could not be read from this browser's storage: ${sentence(error)}`;
      this.phase = 'failed';
    }
  }

  /** Reads the list again after another tab or worker changed it; skipped while an action here runs (it reads the list itself). */
  async refreshAfterOutsideChange(): Promise<void> {
    if (this.busy || this.phase !== 'ready') return;
    try {
      await this.#reload();
    } catch {
      // The next action or visit reads the list again and reports what fails then.
    }
  }

  async importFiles(files: readonly File[]): Promise<void> {
    const names = listNames(files.map((file) => file.name));
    await this.#run(async () => {
      const metadata = await this.#store.importFiles(files);
      this.message = `Imported "${metadata.name}" from ${names}.`;
    }, `${names} ${files.length === 1 ? 'was' : 'were'} not imported: `);
  }

  rename(id: string, name: string): Promise<boolean> {
    return this.#run(async () => {
      const renamed = await this.#store.rename(id, name);
      this.message = `Renamed the model to "${renamed.name}".`;
    });
  }

  remove(model: ModelMetadata): Promise<boolean> {
    return this.#run(async () => {
      await this.#store.delete(model.id);
      this.message = `Deleted "${model.name}".`;
    });
  }

  setActive(model: ModelMetadata): Promise<boolean> {
    return this.#run(async () => {
      await this.#store.setActive(model.id);
      this.message = `"${model.name}" is now the active model: Predict and Live use it.`;
    });
  }

  exportBundle(model: ModelMetadata): Promise<boolean> {
    return this.#run(async () => {
      saveBytes(`${modelFileStem(model.name)}.zip`, await this.#store.exportBundle(model.id), 'application/zip');
      this.message = `Exported "${model.name}" as one model file.`;
    }, 'The model was not exported: ');
  }

  exportFiles(model: ModelMetadata): Promise<boolean> {
    return this.#run(async () => {
      const files = await this.#store.exportFiles(model.id);
      saveBytes('model.json', files.modelJson, 'application/json');
      saveBytes('weights.bin', files.weights, 'application/octet-stream');
      this.message = `Exported "${model.name}" as model.json and weights.bin; keep the two files together.`;
    }, 'The model was not exported: ');
  }

  async #reload(): Promise<void> {
    const [models, active] = await Promise.all([this.#store.list(), this.#store.getActive()]);
    this.models = models;
    this.activeId = active?.id;
  }

  /** Runs one action; afterwards the list is read again, so the page shows what is really stored. */
  async #run(action: () => Promise<void>, failurePrefix = ''): Promise<boolean> {
    this.busy = true;
    this.message = '';
    this.failure = '';
    let succeeded = true;
    try {
      await action();
    } catch (error) {
      this.failure = failurePrefix === '' ? sentence(error) : `${failurePrefix}${lowerFirst(sentence(error))}`;
      succeeded = false;
    }
    try {
      await this.#reload();
    } catch (error) {
      this.failure ||= `The model library could not be read from this browser's storage: ${sentence(error)}`;
    } finally {
      this.busy = false;
    }
    return succeeded;
  }
}

function sentence(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** "The disk is full…" → "the disk is full…", to follow a prefix; an acronym ("SER …") stays. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/** "a", "a and b", "a, b and c". */
function listNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
