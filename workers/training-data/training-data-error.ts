/** Why a training set could not be prepared, as a sentence for the user. */
export class TrainingDataError extends Error {
  override readonly name = 'TrainingDataError';
}
