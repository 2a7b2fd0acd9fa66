/**
 * A model file (a bundle, a model.json, its weights or its metadata) that the studio refuses. The
 * message is a sentence for the user: what is wrong and, where there is one, what to do instead.
 */
export class ModelFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFileError';
  }
}
