/** A model library action that could not be done; the message is a sentence for the user. */
export class ModelStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelStoreError';
  }
}
