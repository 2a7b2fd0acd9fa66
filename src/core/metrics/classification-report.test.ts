import { describe, expect, it } from 'vitest';
import { classMetrics } from './class-metrics';
import { classificationReport } from './classification-report';
import { confusionMatrix } from './confusion-matrix';

const report = (truth: number[], predicted: number[], labels: string[]) => classificationReport(confusionMatrix(truth, predicted, labels));

describe('classificationReport', () => {
  it("matches scikit-learn's classification_report example", () => {
    // Docs: y_true = [0, 1, 2, 2, 2], y_pred = [0, 0, 2, 2, 1] print class 0: 0.50 1.00 0.67 1,
    // class 1: 0.00 0.00 0.00 1, class 2: 1.00 0.67 0.80 3, accuracy 0.60, macro avg recall 0.56 and
    // F1 0.49, weighted avg recall 0.60. Exact values by hand: 5/9 and (2/3 + 0 + 4/5) / 3 = 22/45.
    const result = report([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], ['class 0', 'class 1', 'class 2']);
    expect(result.classes.map(({ precision }) => precision)).toEqual([0.5, 0, 1]);
    expect(result.classes.map(({ recall }) => recall)).toEqual([1, 0, 2 / 3]);
    expect(result.classes[0].f1).toBeCloseTo(2 / 3, 15);
    expect(result.classes[1].f1).toBe(0);
    expect(result.classes[2].f1).toBeCloseTo(0.8, 15);
    expect(result.classes.map(({ support }) => support)).toEqual([1, 1, 3]);
    expect(result.classes.map(({ predicted }) => predicted)).toEqual([2, 1, 2]);
    expect(result.total).toBe(5);
    expect(result.accuracy).toBe(0.6);
    expect(result.unweightedAverageRecall).toBeCloseTo(5 / 9, 15);
    expect(result.macroF1).toBeCloseTo(22 / 45, 15);
    expect(result.weightedAverageRecall).toBeCloseTo(0.6, 15);
  });

  it("matches scikit-learn's recall_score and f1_score examples", () => {
    // Docs: y_true = [0, 1, 2, 0, 1, 2], y_pred = [0, 2, 1, 0, 0, 1]: recall per class [1, 0, 0],
    // F1 per class [0.8, 0, 0], macro recall 0.33, macro F1 0.267, weighted recall 0.33.
    const result = report([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], ['0', '1', '2']);
    expect(result.classes.map(({ recall }) => recall)).toEqual([1, 0, 0]);
    expect(result.classes.map(({ f1 }) => f1)).toEqual([0.8, 0, 0]);
    expect(result.classes[0].precision).toBeCloseTo(2 / 3, 15);
    expect(result.unweightedAverageRecall).toBeCloseTo(1 / 3, 15);
    expect(result.macroF1).toBeCloseTo(0.8 / 3, 15);
    expect(result.weightedAverageRecall).toBeCloseTo(1 / 3, 15);
    expect(result.accuracy).toBeCloseTo(1 / 3, 15);
  });

  it("gives scikit-learn's balanced_accuracy_score as the UAR", () => {
    // Docs: y_true = [0, 1, 0, 0, 1, 0], y_pred = [0, 1, 0, 0, 0, 1] give 0.625 (recalls 3/4 and 1/2).
    expect(report([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1], ['no', 'yes']).unweightedAverageRecall).toBe(0.625);
  });

  it('scores a class that is never predicted as precision 0 (zero_division=0)', () => {
    // recall_score docs with y_pred all 0: recall [1, 0, 0]; precision is [1/3, 0, 0] with zero_division=0.
    const result = report([0, 1, 2, 0, 1, 2], [0, 0, 0, 0, 0, 0], ['a', 'b', 'c']);
    expect(result.classes.map(({ precision }) => precision)).toEqual([1 / 3, 0, 0]);
    expect(result.classes.map(({ recall }) => recall)).toEqual([1, 0, 0]);
    expect(result.classes.map(({ f1 }) => f1)).toEqual([0.5, 0, 0]);
    expect(result.unweightedAverageRecall).toBeCloseTo(1 / 3, 15);
    expect(result.macroF1).toBeCloseTo(0.5 / 3, 15);
  });

  it('leaves classes without support out of the UAR, and classes that never occur out of the macro F1', () => {
    // 'c' is predicted once but has no true items; 'd' is neither true nor predicted.
    const result = report([0, 0, 1, 1], [0, 2, 1, 1], ['a', 'b', 'c', 'd']);
    expect(result.classes.map(({ recall }) => recall)).toEqual([0.5, 1, 0, 0]);
    expect(result.classes.map(({ precision }) => precision)).toEqual([1, 1, 0, 0]);
    expect(result.classes.map(({ f1 }) => f1)).toEqual([2 / 3, 1, 0, 0]);
    expect(result.recallAveragedOver).toEqual(['a', 'b']);
    expect(result.unweightedAverageRecall).toBe(0.75); // not (0.5 + 1 + 0) / 3 = 0.5
    expect(result.f1AveragedOver).toEqual(['a', 'b', 'c']);
    expect(result.macroF1).toBeCloseTo(5 / 9, 15); // (2/3 + 1 + 0) / 3: predicting 'c' costs
    expect(result.accuracy).toBe(0.75);
    expect(result.weightedAverageRecall).toBe(0.75);
  });

  it('weights recall by support, which always gives the accuracy', () => {
    const truth = [0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 3];
    const predicted = [0, 0, 0, 1, 2, 3, 1, 0, 2, 2, 1, 3];
    const result = report(truth, predicted, ['w', 'x', 'y', 'z']);
    // Recalls 3/6, 1/2, 2/3, 1/1 with supports 6, 2, 3, 1: (3 + 1 + 2 + 1) / 12 = 7/12.
    expect(result.weightedAverageRecall).toBeCloseTo(7 / 12, 15);
    expect(result.accuracy).toBeCloseTo(7 / 12, 15);
    expect(result.unweightedAverageRecall).toBeCloseTo((1 / 2 + 1 / 2 + 2 / 3 + 1) / 4, 15);
  });

  it('reports 0 everywhere for no items', () => {
    const result = report([], [], ['a', 'b']);
    expect(result).toMatchObject({ total: 0, accuracy: 0, unweightedAverageRecall: 0, weightedAverageRecall: 0, macroF1: 0 });
    expect(result.recallAveragedOver).toEqual([]);
    expect(classMetrics(confusionMatrix([], [], ['a']))).toEqual([{ label: 'a', precision: 0, recall: 0, f1: 0, support: 0, predicted: 0 }]);
  });

  it('scores a perfect classifier 1 everywhere', () => {
    const result = report([0, 1, 2, 2], [0, 1, 2, 2], ['a', 'b', 'c']);
    expect([result.accuracy, result.unweightedAverageRecall, result.weightedAverageRecall, result.macroF1]).toEqual([1, 1, 1, 1]);
  });
});
