/** A dataset that cannot be split as asked; the message says why and what to change. */
export class DatasetSplitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetSplitError';
  }
}
