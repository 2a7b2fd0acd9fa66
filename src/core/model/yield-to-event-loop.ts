/**
 * Lets queued events run (a worker's 'cancel' message, which aborts the signal) between batches.
 * A MessageChannel round trip is not clamped like nested setTimeout (4 ms after a few levels).
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
