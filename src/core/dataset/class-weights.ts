/** Loss weights per class, in label order. */
export interface ClassWeights {
  /** scikit-learn's 'balanced' weight for each label present in training; 0 for a label that is absent. */
  readonly weights: readonly number[];
  /** Labels with no training items: the model cannot learn them, so the page should say so. */
  readonly absentLabels: readonly string[];
}

/**
 * scikit-learn's `compute_class_weight('balanced')`: n_samples / (n_classes * count), so every
 * present class carries the same total weight and the weights average 1 over the training items.
 * scikit-learn refuses a class missing from `y`; here n_classes counts only the present classes
 * and an absent class gets weight 0 (no item carries it, so it changes no loss) and is reported.
 */
export function balancedClassWeights(trainingLabelIndices: ArrayLike<number>, labels: readonly string[]): ClassWeights {
  const counts = labelCounts(trainingLabelIndices, labels.length);
  const presentClasses = counts.filter((count) => count > 0).length;
  if (presentClasses === 0) throw new RangeError('Cannot weight classes without training items.');
  const samples = trainingLabelIndices.length;
  return {
    weights: counts.map((count) => (count === 0 ? 0 : samples / (presentClasses * count))),
    absentLabels: labels.filter((_, index) => counts[index] === 0),
  };
}

function labelCounts(labelIndices: ArrayLike<number>, labelCount: number): number[] {
  const counts = new Array<number>(labelCount).fill(0);
  for (let item = 0; item < labelIndices.length; item++) {
    const index = labelIndices[item];
    if (!Number.isInteger(index) || index < 0 || index >= labelCount) {
      throw new RangeError(`Item ${item}: label index ${index} is not one of the ${labelCount} labels.`);
    }
    counts[index] += 1;
  }
  return counts;
}
