/** An analysis that failed for a reason the user should read; `message` is one sentence. */
export class AnalysisFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisFailure';
  }
}
