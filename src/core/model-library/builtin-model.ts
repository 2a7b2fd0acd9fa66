/** The model that ships with the app (public/models/default/, made by `npm run train:default`). */
export const BUILTIN_MODEL_ID = 'builtin-default';
export const BUILTIN_MODEL_NAME = 'Default model (RAVDESS, TESS, EMO-DB)';
/** Where it is, from the app's root. */
export const BUILTIN_MODEL_PATH = 'models/default/';
