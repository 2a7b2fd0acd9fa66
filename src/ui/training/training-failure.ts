/** A training run that could not go on, with a sentence for the user. */
export class TrainingFailure extends Error {
  override readonly name = 'TrainingFailure';
}
