import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { locate } from '../load/positions.js';
import type { YamlFile } from '../load/yaml-file.js';
import { closestMatch } from './did-you-mean.js';
import type { Finding } from './finding.js';
import { FINDING_CODES, type FindingCode } from './finding-codes.js';
import { validatorPath, type SchemaKind } from './schema-kinds.js';

const require = createRequire(import.meta.url);

/**
 * Schema findings listed per file. A 1 MiB list of wrong values makes half a million errors, which
 * would take gigabytes to locate and print in every format, and help nobody.
 */
const MAX_SCHEMA_FINDINGS = 100;

/** Validates files against the schemas, with the validators compiled at build time, loaded on first use. */
export class SchemaValidator {
  readonly #loaded = new Map<SchemaKind, ValidateFunction>();

  /**
   * The schema errors of the file, as findings positioned on the offending key or value: the first
   * MAX_SCHEMA_FINDINGS, then one SCHEMA_ERROR_LIMIT finding where the unlisted ones start.
   */
  validate(kind: SchemaKind, file: YamlFile): Finding[] {
    const validateFunction = this.#load(kind);
    if (validateFunction(file.data)) return [];
    // An `if` error only says its `then` failed; the errors of the `then` say how.
    const errors = (validateFunction.errors ?? []).filter((error) => error.keyword !== 'if');
    const findings = errors.slice(0, MAX_SCHEMA_FINDINGS).map((error) => toFinding(error, file));
    const firstUnlisted = errors[MAX_SCHEMA_FINDINGS];
    if (firstUnlisted) {
      const message = `${errors.length - MAX_SCHEMA_FINDINGS} more schema errors from here on are not listed; fix the first ${MAX_SCHEMA_FINDINGS} and validate again`;
      findings.push({ ...toFinding(firstUnlisted, file), code: 'SCHEMA_ERROR_LIMIT', severity: FINDING_CODES.SCHEMA_ERROR_LIMIT.severity, message });
    }
    return findings;
  }

  #load(kind: SchemaKind): ValidateFunction {
    let validateFunction = this.#loaded.get(kind);
    if (!validateFunction) {
      validateFunction = (require(validatorPath(kind)) as { default: ValidateFunction }).default;
      this.#loaded.set(kind, validateFunction);
    }
    return validateFunction;
  }
}

/** Decode a JSON Pointer (RFC 6901) into path segments: `~1` then `~0`, every occurrence. */
export function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function toFinding(error: ErrorObject, file: YamlFile): Finding {
  const path = decodePointer(error.instancePath);
  const { code, message, pointAt, target } = describe(error, path);
  const position = locate(file, pointAt, target);
  return {
    code,
    severity: FINDING_CODES[code].severity,
    message: `${readablePath(pointAt)}${message}`,
    file: file.displayPath,
    line: position.line,
    column: position.column,
    path: pointAt.join('/'),
  };
}

interface Description {
  code: FindingCode;
  message: string;
  pointAt: string[];
  target: 'key' | 'value';
}

function describe(error: ErrorObject, path: string[]): Description {
  const params = error.params as Record<string, unknown>;
  const hint = typeof error.parentSchema?.description === 'string' ? ` (${error.parentSchema.description})` : '';
  switch (error.keyword) {
    case 'required':
      return { code: 'SCHEMA_MISSING_PROPERTY', message: `missing required property "${String(params.missingProperty)}"`, pointAt: path, target: 'value' };
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const suggestion = closestMatch(property, known);
      const advice = suggestion ? `; did you mean "${suggestion}"?` : known.length ? `; allowed: ${known.join(', ')}` : '';
      return { code: 'SCHEMA_UNKNOWN_PROPERTY', message: `unknown property "${property}"${advice}`, pointAt: [...path, property], target: 'key' };
    }
    case 'type':
      return { code: 'SCHEMA_WRONG_TYPE', message: wrongType(String(params.type), error.data), pointAt: path, target: 'value' };
    case 'enum':
      return { code: 'SCHEMA_INVALID_VALUE', message: `${valueText(error.data)} is not allowed; use one of: ${(params.allowedValues as unknown[]).join(', ')}`, pointAt: path, target: 'value' };
    case 'const':
      return { code: 'SCHEMA_INVALID_VALUE', message: `${valueText(error.data)} is not allowed; it must be ${valueText(params.allowedValue)}${hint}`, pointAt: path, target: 'value' };
    case 'minLength':
      return { code: 'SCHEMA_VIOLATION', message: `${params.limit === 1 ? 'must not be empty' : `must have at least ${String(params.limit)} characters`}${hint}`, pointAt: path, target: 'value' };
    case 'minItems':
      return { code: 'SCHEMA_VIOLATION', message: `${params.limit === 1 ? 'must list at least one item' : `must list at least ${String(params.limit)} items`}${hint}`, pointAt: path, target: 'value' };
    case 'false schema':
    case 'not':
      return { code: 'SCHEMA_VIOLATION', message: `must not be given here${hint}`, pointAt: path, target: 'key' };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { code: 'SCHEMA_INVALID_VALUE', message: `${valueText(error.data)}: ${error.message ?? 'invalid'}${hint}`, pointAt: path, target: 'value' };
    case 'pattern':
    case 'format':
      return { code: 'SCHEMA_INVALID_FORMAT', message: `${valueText(error.data)} is not valid${hint || `: ${error.message ?? ''}`}`, pointAt: path, target: 'value' };
    default:
      return { code: 'SCHEMA_VIOLATION', message: `${error.message ?? 'invalid'}${hint}`, pointAt: path, target: 'value' };
  }
}

/** JSON Schema types in the words of YAML. */
const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'empty',
};

/** "must be a number, not text": what was expected and what the value actually is. */
function wrongType(expected: string, value: unknown): string {
  const wanted = expected
    .split(',')
    .map((type) => TYPE_WORDS[type] ?? type)
    .join(' or ');
  if (typeof value === 'number' && !Number.isFinite(value)) return `must be ${expected === 'number' ? 'a finite number' : wanted}, not ${valueText(value)}`;
  if (typeof value === 'number' && expected === 'integer') return `must be ${wanted}, not ${value}`;
  const hint = expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? `; put it in quotes to keep ${valueText(value)} as a string` : '';
  return `must be ${wanted}, not ${actualType(value)}${hint}`;
}

function actualType(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `${value} (a boolean)`;
  return TYPE_WORDS[typeof value] ?? typeof value;
}

/** A value as YAML writes it: `.nan`, `.inf` and `-.inf` for the numbers JSON cannot show. */
function valueText(value: unknown): string {
  if (typeof value === 'number' && Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return JSON.stringify(value) ?? String(value);
}

/** `objectives/3/title` → `objectives[3].title: ` (empty for the document itself). */
function readablePath(path: readonly string[]): string {
  if (path.length === 0) return '';
  const text = path.map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
  return `${text}: `;
}
