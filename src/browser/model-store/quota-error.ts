import { ModelStoreError } from './model-store-error';

/** Whether the browser refused to store data because the site's storage quota (or the disk) is full. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
}

export function diskFullError(modelName: string): ModelStoreError {
  return new ModelStoreError(
    `The disk is full: the browser refused to store the model "${modelName}", so nothing was saved. Free some space (delete models you no longer need, or clear the feature cache on the Train page) and try again.`,
  );
}
