import { isPlainObject } from './json-reader';

/**
 * The serialisable classes tfjs registers itself: initialisers, regularisers and constraints a
 * layer config may name. Any other `class_name` inside a config would need custom code to load.
 */
const BUILTIN_CONFIG_CLASSES = new Set([
  'Zeros', 'Ones', 'Constant', 'RandomUniform', 'RandomNormal', 'TruncatedNormal', 'Identity', 'VarianceScaling',
  'GlorotUniform', 'GlorotNormal', 'HeNormal', 'HeUniform', 'LeCunNormal', 'LeCunUniform', 'Orthogonal',
  'L1L2', 'L1', 'L2',
  'MaxNorm', 'UnitNorm', 'NonNeg', 'MinMaxNorm',
]);

/** The first `class_name` nested anywhere in `config` that tfjs does not provide, if any. */
export function findForeignConfigClass(config: unknown): string | undefined {
  if (Array.isArray(config)) return firstDefined(config.map(findForeignConfigClass));
  if (!isPlainObject(config)) return undefined;
  const own = config.class_name;
  if (own !== undefined && (typeof own !== 'string' || !BUILTIN_CONFIG_CLASSES.has(own))) return String(own);
  return firstDefined(Object.values(config).map(findForeignConfigClass));
}

function firstDefined(values: readonly (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined);
}
