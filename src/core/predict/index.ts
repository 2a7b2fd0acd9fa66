// The prediction core: one path from samples to emotions, shared by every page.
export { argmax, type ClipPrediction, topClass, type WindowPrediction } from './clip-prediction';
export { EmotionPredictor, type PredictorSpec } from './emotion-predictor';
export { predictionWindows, type WindowSpan } from './prediction-windows';
export { type TrueLabel, trueLabelFrom, trueLabelOf } from './true-label';
export { type Calibration, type CalibrationFit, fitCalibration, UNCALIBRATED } from './calibration';
export { answerOf, answerText, type ClipAnswer, type LabelProbability } from './clip-answer';
export { applyTemperature, fitTemperature } from './temperature';
export { chooseUnsureThreshold, selectiveAccuracy } from './unsure-threshold';
