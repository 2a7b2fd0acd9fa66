import { BUILTIN_MODEL_PATH } from '../../core/model-library/builtin-model';
import { MODEL_JSON_NAME } from '../../core/model-library/model-bundle';
import { WEIGHTS_FILE_NAME } from '../../core/model-library/model-artifacts';
import { type ValidatedModel, validateModelArtifacts } from '../../core/model-library/validate-model-artifacts';

/** The model that ships with the app, read once per page or worker; null when the app has none. */
export interface BuiltinModelSource {
  load(): Promise<ValidatedModel | null>;
}

/**
 * The app's root URL: the page's base, or, in a worker, the folder above the worker's script
 * (every worker is one folder below the root: assets/ in the build, workers/ in development).
 */
export function appRootUrl(): URL {
  if (typeof document !== 'undefined') return new URL('./', document.baseURI);
  return new URL('../', self.location.href);
}

/** Fetches public/models/default/ and checks it as an import would; a missing or broken one is no built-in model. */
export function fetchedBuiltinModel(root: URL = appRootUrl()): BuiltinModelSource {
  let loaded: Promise<ValidatedModel | null> | null = null;
  return {
    load() {
      loaded ??= fetchModel(new URL(BUILTIN_MODEL_PATH, root)).catch(() => null);
      return loaded;
    },
  };
}

async function fetchModel(base: URL): Promise<ValidatedModel | null> {
  const [json, weights] = await Promise.all([fetch(new URL(MODEL_JSON_NAME, base)), fetch(new URL(WEIGHTS_FILE_NAME, base))]);
  if (!json.ok || !weights.ok) return null;
  return validateModelArtifacts(await json.json(), new Uint8Array(await weights.arrayBuffer()));
}
