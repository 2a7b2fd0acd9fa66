/** The BroadcastChannel on which every context (tab, worker) announces changes to the model library. */
const CHANNEL_NAME = 'ser-studio-model-library';

/** Tells other contexts the library changed (a model saved, renamed, deleted, made active). */
export function announceModelLibraryChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.postMessage('changed');
  channel.close();
}

/**
 * Calls `onChange` whenever any context changes the library, e.g. the training worker saving a
 * model while the Models page is open in another tab. Returns the function that stops watching.
 */
export function watchModelLibrary(onChange: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = () => onChange();
  return () => channel.close();
}
