/**
 * Temperature scaling (Guo et al. 2017): the model's probabilities p become softmax(log p / T).
 * T > 1 softens an overconfident model, T < 1 sharpens an underconfident one; the ranking of the
 * classes, so the predicted class, never changes. One number, fitted on validation speakers.
 */
export function applyTemperature(probabilities: readonly number[], temperature: number): number[] {
  if (temperature === 1) return [...probabilities];
  const logs = probabilities.map((p) => Math.log(Math.max(p, MIN_PROBABILITY)) / temperature);
  const top = Math.max(...logs);
  const exps = logs.map((value) => Math.exp(value - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / sum);
}

/** Floors log(0): a float32 softmax can underflow to 0 for a class it rules out. */
const MIN_PROBABILITY = 1e-12;
/** Search range of log T: T from about 0.05 to 20. */
const LOG_T_RANGE: readonly [number, number] = [-3, 3];
const GOLDEN = (Math.sqrt(5) - 1) / 2;
const STEPS = 60;

/**
 * The temperature that minimises the mean negative log-likelihood of the true classes. NLL is
 * convex in 1/T for fixed logits, so a golden-section search over log T finds the optimum; with no
 * rows it is 1 (leave the model as it is).
 */
export function fitTemperature(probabilities: readonly (readonly number[])[], truth: readonly number[]): number {
  if (probabilities.length === 0) return 1;
  const logs = probabilities.map((row) => row.map((p) => Math.log(Math.max(p, MIN_PROBABILITY))));
  const nll = (logT: number) => meanNll(logs, truth, Math.exp(logT));
  let [low, high] = LOG_T_RANGE;
  let a = high - GOLDEN * (high - low);
  let b = low + GOLDEN * (high - low);
  let [fa, fb] = [nll(a), nll(b)];
  for (let step = 0; step < STEPS; step++) {
    if (fa <= fb) {
      [high, b, fb] = [b, a, fa];
      a = high - GOLDEN * (high - low);
      fa = nll(a);
    } else {
      [low, a, fa] = [a, b, fb];
      b = low + GOLDEN * (high - low);
      fb = nll(b);
    }
  }
  return Math.exp((low + high) / 2);
}

function meanNll(logs: readonly (readonly number[])[], truth: readonly number[], temperature: number): number {
  let total = 0;
  for (const [row, values] of logs.entries()) {
    const scaled = values.map((value) => value / temperature);
    const top = Math.max(...scaled);
    const logSum = top + Math.log(scaled.reduce((sum, value) => sum + Math.exp(value - top), 0));
    total += logSum - scaled[truth[row]];
  }
  return total / logs.length;
}
