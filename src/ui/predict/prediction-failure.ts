/** A prediction that could not be made; the message is a sentence for the user. */
export class PredictionFailure extends Error {
  override readonly name = 'PredictionFailure';
}
