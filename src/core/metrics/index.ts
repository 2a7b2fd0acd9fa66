export { type ClassMetrics, classMetrics } from './class-metrics';
export { type ClassificationReport, classificationReport } from './classification-report';
export { type ConfusionMatrix, confusionMatrix, rowNormalised } from './confusion-matrix';
export { safeRatio } from './safe-ratio';
