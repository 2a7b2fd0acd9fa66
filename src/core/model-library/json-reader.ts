import { ModelFileError } from './model-file-error';

/**
 * Reads fields out of untrusted JSON, one typed getter per kind of value. A wrong value throws a
 * ModelFileError that names the field by its path (`metrics.validation.accuracy`) and says what it
 * should be, prefixed by `context` ("The model's metadata").
 */
export class JsonReader {
  readonly value: Record<string, unknown>;
  readonly path: string;
  readonly context: string;

  constructor(value: unknown, context: string, path = '') {
    if (!isPlainObject(value)) throw new ModelFileError(`${context} is not valid: ${describePath(path)} must be an object, not ${describeValue(value)}.`);
    this.value = value;
    this.path = path;
    this.context = context;
  }

  fail(name: string, expected: string): never {
    const value = this.value[name];
    throw new ModelFileError(`${this.context} is not valid: ${describePath(this.fieldPath(name))} must be ${expected}, not ${describeValue(value)}.`);
  }

  has(name: string): boolean {
    return this.value[name] !== undefined;
  }

  object(name: string): JsonReader {
    if (!isPlainObject(this.value[name])) this.fail(name, 'an object');
    return new JsonReader(this.value[name], this.context, this.fieldPath(name));
  }

  string(name: string, { nonEmpty = false, maxLength = 10_000 } = {}): string {
    const value = this.value[name];
    if (typeof value !== 'string' || (nonEmpty && value.trim() === '') || value.length > maxLength) {
      this.fail(name, `${nonEmpty ? 'a non-empty' : 'a'} text of at most ${maxLength} characters`);
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.value[name];
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) this.fail(name, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
    return value as T;
  }

  boolean(name: string): boolean {
    const value = this.value[name];
    if (typeof value !== 'boolean') this.fail(name, 'true or false');
    return value;
  }

  number(name: string, range: NumberRange = {}): number {
    const value = this.value[name];
    if (!isNumberInRange(value, range)) this.fail(name, describeRange(range));
    return value as number;
  }

  nullableNumber(name: string, range: NumberRange = {}): number | null {
    const value = this.value[name];
    if (value === null) return null;
    if (!isNumberInRange(value, range)) this.fail(name, `null or ${describeRange(range)}`);
    return value as number;
  }

  /** An array; `each` reads one element, given a reader at the element's path. */
  array<T>(name: string, each: (element: unknown, path: string) => T, { nonEmpty = false, maxLength = 1_000_000 } = {}): T[] {
    const value = this.value[name];
    if (!Array.isArray(value) || (nonEmpty && value.length === 0) || value.length > maxLength) {
      this.fail(name, `${nonEmpty ? 'a non-empty' : 'an'} array of at most ${maxLength} elements`);
    }
    return value.map((element, index) => each(element, `${this.fieldPath(name)}[${index}]`));
  }

  numbers(name: string, range: NumberRange = {}, options: { nonEmpty?: boolean; maxLength?: number } = {}): number[] {
    return this.array(name, (element, path) => this.element(element, path, range), options);
  }

  strings(name: string, options: { nonEmpty?: boolean; maxLength?: number } = {}): string[] {
    return this.array(
      name,
      (element, path) => {
        if (typeof element !== 'string' || element.trim() === '') throw this.elementError(path, 'a non-empty text', element);
        return element;
      },
      options,
    );
  }

  /** A value found inside an array (so without a field name of its own) as an array of numbers. */
  numberArray(value: unknown, path: string, range: NumberRange = {}): number[] {
    if (!Array.isArray(value)) throw this.elementError(path, 'an array of numbers', value);
    return value.map((element, index) => this.element(element, `${path}[${index}]`, range));
  }

  fieldPath(name: string): string {
    return this.path === '' ? name : `${this.path}.${name}`;
  }

  private element(value: unknown, path: string, range: NumberRange): number {
    if (!isNumberInRange(value, range)) throw this.elementError(path, describeRange(range), value);
    return value as number;
  }

  elementError(path: string, expected: string, value: unknown): ModelFileError {
    return new ModelFileError(`${this.context} is not valid: ${describePath(path)} must be ${expected}, not ${describeValue(value)}.`);
  }
}

export interface NumberRange {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** The minimum itself is not allowed. */
  readonly exclusiveMin?: boolean;
}

function isNumberInRange(value: unknown, { min, max, integer = false, exclusiveMin = false }: NumberRange): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (integer && !Number.isInteger(value)) return false;
  if (min !== undefined && (exclusiveMin ? value <= min : value < min)) return false;
  return max === undefined || value <= max;
}

function describeRange({ min, max, integer = false, exclusiveMin = false }: NumberRange): string {
  const kind = integer ? 'a whole number' : 'a finite number';
  if (min !== undefined && max !== undefined) return `${kind} from ${min}${exclusiveMin ? ' (exclusive)' : ''} to ${max}`;
  if (min !== undefined) return `${kind} ${exclusiveMin ? 'above' : 'of at least'} ${min}`;
  if (max !== undefined) return `${kind} of at most ${max}`;
  return kind;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describePath(path: string): string {
  return path === '' ? 'it' : `"${path}"`;
}

/** A short, printable form of an unexpected value for an error sentence. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}
