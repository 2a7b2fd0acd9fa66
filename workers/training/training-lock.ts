/**
 * One training run at a time across every tab of the studio: the run journal (checkpoints,
 * resume) is one per browser, so a second run would overwrite the first's. The Web Locks API
 * holds the lock for as long as the run lasts and frees it if the tab closes or crashes.
 */
const LOCK_NAME = 'ser-studio-training';

export const ANOTHER_TAB_TRAINING = 'Another tab of the studio is training a model. Wait for it to finish, or cancel it there, then train here.';

/** Runs `run` holding the lock; resolves with false, running nothing, when another tab holds it. */
export async function withTrainingLock(run: () => Promise<void>): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) {
    await run();
    return true;
  }
  return locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => {
    if (lock === null) return false;
    await run();
    return true;
  });
}

/** Whether some tab (this one included) holds the lock, i.e. a run is training right now. */
export async function trainingRunsSomewhere(): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return false;
  const state = await locks.query();
  return (state.held ?? []).some((lock) => lock.name === LOCK_NAME);
}
