/**
 * Counts of (true, predicted) label pairs: `counts[trueIndex][predictedIndex]`, true labels as rows,
 * predicted labels as columns (scikit-learn's `confusion_matrix` layout).
 */
export interface ConfusionMatrix {
  readonly labels: readonly string[];
  readonly counts: readonly (readonly number[])[];
}

/** Tallies each item's true and predicted label index; every index must name one of `labels`. */
export function confusionMatrix(
  trueIndices: ArrayLike<number>,
  predictedIndices: ArrayLike<number>,
  labels: readonly string[],
): ConfusionMatrix {
  if (trueIndices.length !== predictedIndices.length) {
    throw new RangeError(`${trueIndices.length} true labels but ${predictedIndices.length} predictions: they must pair up.`);
  }
  const counts = labels.map(() => new Array<number>(labels.length).fill(0));
  for (let item = 0; item < trueIndices.length; item++) {
    const truth = checkedIndex(trueIndices[item], labels.length, 'true label', item);
    const prediction = checkedIndex(predictedIndices[item], labels.length, 'prediction', item);
    counts[truth][prediction] += 1;
  }
  return { labels: [...labels], counts };
}

function checkedIndex(index: number, labelCount: number, role: string, item: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= labelCount) {
    throw new RangeError(`Item ${item}: ${role} index ${index} is not one of the ${labelCount} labels.`);
  }
  return index;
}

/** Each row divided by its total (the share of a true class given each prediction); a row with no items stays all 0. */
export function rowNormalised(matrix: ConfusionMatrix): number[][] {
  return matrix.counts.map((row) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    return row.map((count) => (total === 0 ? 0 : count / total));
  });
}
