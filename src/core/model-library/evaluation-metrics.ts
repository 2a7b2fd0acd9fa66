import { JsonReader } from './json-reader';
import { ModelFileError } from './model-file-error';

/** One class's scores on an evaluation side, as the metrics core computes them. */
export interface ClassScores {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

/**
 * How a model did on one side of the split (validation or test). `classes` and the confusion
 * matrix's rows (true labels) and columns (predictions) follow the model's label order.
 */
export interface EvaluationMetrics {
  readonly accuracy: number;
  /** Unweighted average recall: the mean recall over classes with support. */
  readonly unweightedAverageRecall: number;
  readonly macroF1: number;
  readonly classes: readonly ClassScores[];
  readonly confusionMatrix: readonly (readonly number[])[];
}

const RATIO = { min: 0, max: 1 } as const;
const COUNT = { min: 0, integer: true } as const;

export function parseEvaluationMetrics(reader: JsonReader, labels: readonly string[]): EvaluationMetrics {
  const metrics: EvaluationMetrics = {
    accuracy: reader.number('accuracy', RATIO),
    unweightedAverageRecall: reader.number('unweightedAverageRecall', RATIO),
    macroF1: reader.number('macroF1', RATIO),
    classes: reader.array('classes', (element, path) => parseClassScores(new JsonReader(element, reader.context, path))),
    confusionMatrix: reader.array('confusionMatrix', (row, path) => reader.numberArray(row, path, COUNT)),
  };
  checkLabelOrder(metrics, labels, reader);
  return metrics;
}

function parseClassScores(reader: JsonReader): ClassScores {
  return {
    label: reader.string('label', { nonEmpty: true, maxLength: 200 }),
    precision: reader.number('precision', RATIO),
    recall: reader.number('recall', RATIO),
    f1: reader.number('f1', RATIO),
    support: reader.number('support', COUNT),
  };
}

function checkLabelOrder(metrics: EvaluationMetrics, labels: readonly string[], reader: JsonReader): void {
  const where = `${reader.context} is not valid: "${reader.path}"`;
  const classLabels = metrics.classes.map((scores) => scores.label);
  if (classLabels.join('\u0000') !== labels.join('\u0000')) {
    throw new ModelFileError(`${where} scores the classes ${classLabels.join(', ') || 'none'}, but the model's labels are ${labels.join(', ')}.`);
  }
  const n = labels.length;
  if (metrics.confusionMatrix.length !== n || metrics.confusionMatrix.some((row) => row.length !== n)) {
    throw new ModelFileError(`${where} has a confusion matrix that is not ${n} × ${n}, one row and column per label.`);
  }
  const mismatch = metrics.classes.findIndex((scores, i) => scores.support !== metrics.confusionMatrix[i].reduce((a, b) => a + b, 0));
  if (mismatch >= 0) {
    throw new ModelFileError(`${where} gives ${labels[mismatch]} a support that differs from its row of the confusion matrix.`);
  }
}
