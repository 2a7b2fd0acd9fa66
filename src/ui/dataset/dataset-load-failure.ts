/** A dataset load that failed as a whole; `message` is a sentence for the user. */
export class DatasetLoadFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetLoadFailure';
  }
}
