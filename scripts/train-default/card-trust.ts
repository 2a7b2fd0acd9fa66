/**
 * What the default model's card says about how far its held-out figures can be trusted: how the
 * recipe was chosen, and the checks made on speakers it was not chosen on
 * (docs/research/2026-11-24-training-recipe-round3.md). Update it when the recipe changes.
 */
export const DEFAULT_MODEL_TRUST: readonly string[] = [
  'The test speakers never trained the model nor chose its epoch. But the recipe (weight averaging, four augmented copies of each kind) was chosen in research runs that logged their scores on these same speakers, so the test figure may lean a little optimistic.',
  'Checked on two other speaker splits that chose nothing, with a PyTorch replica of the same model on the app\'s own features (seed 0). Test RAVDESS 1-4 + EMO-DB 10, 11: 64.3% UAR against 60.3% for the previous recipe. Test RAVDESS 9-12 + EMO-DB 13, 14: 58.5% against 48.9%. On this model\'s split the replica read 63.6% against 55.3%.',
  'Together: about 58-64% UAR on new speakers, depending on which speakers. The same recipe with another seed moves it by 2-3 points.',
  'All of these speakers are actors reading set sentences (RAVDESS in English, EMO-DB in German) in a studio. Spontaneous speech, other languages, other microphones and noise will score lower.',
];
