export { DEFAULT_FEATURE_CONFIG, type FeatureConfig, frameCount } from './feature-config';
export { type ClipFeatures, type FeatureBackend, FeatureExtractor } from './feature-extractor';
export { type FeatureMatrix, valueAt } from './feature-matrix';
export { fixLength } from './fix-length';
