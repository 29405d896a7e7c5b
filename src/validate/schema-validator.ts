import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { locateSpan } from '../load/positions.js';
import type { YamlFile } from '../load/yaml-file.js';
import { closestMatch } from '../model/did-you-mean.js';
import { makeFinding, type Finding, type FindingLocation } from '../findings/finding.js';
import type { ActualType, FindingArgs } from '../findings/finding-args.js';
import type { FindingCode } from '../findings/finding-codes.js';
import { validatorPath, type SchemaKind } from './schema-kinds.js';

const require = createRequire(import.meta.url);

/**
 * Schema findings listed per file. A 1 MiB list of wrong values makes half a million errors, which
 * would take gigabytes to locate and print in every format, and help nobody.
 */
const MAX_SCHEMA_FINDINGS = 100;

/** What the schema says of a file: its errors, and the part of its data the rules may read. */
export interface SchemaCheck {
  findings: Finding[];
  /** The data without the parts the schema errors are about, when the schema accepts what is left; else undefined. */
  usable: unknown;
}

/** Validates files against the schemas, with the validators compiled at build time, loaded on first use. */
export class SchemaValidator {
  readonly #loaded = new Map<SchemaKind, ValidateFunction>();

  /**
   * The schema errors of the file, as findings positioned on the offending key or value: the first
   * MAX_SCHEMA_FINDINGS, then one SCHEMA_ERROR_LIMIT finding where the unlisted ones start; and the
   * usable part of its data.
   */
  validate(kind: SchemaKind, file: YamlFile): SchemaCheck {
    const validateFunction = this.#load(kind);
    if (validateFunction(file.data)) return { findings: [], usable: file.data };
    // An `if` error only says its `then` failed; the errors of the `then` say how.
    const errors = (validateFunction.errors ?? []).filter((error) => error.keyword !== 'if');
    const findings = errors.slice(0, MAX_SCHEMA_FINDINGS).map((error) => toFinding(error, file));
    const firstUnlisted = errors[MAX_SCHEMA_FINDINGS];
    if (firstUnlisted) {
      const { location } = describeAt(firstUnlisted, file);
      findings.push(makeFinding('SCHEMA_ERROR_LIMIT', { unlisted: errors.length - MAX_SCHEMA_FINDINGS, listed: MAX_SCHEMA_FINDINGS }, location));
    }
    return { findings, usable: withoutInvalidParts(file.data, errors, validateFunction) };
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

/**
 * A copy of the data without the properties the errors are about, when the schema accepts what is
 * left; else undefined. An unknown key is dropped; a wrong value is dropped with the property that
 * holds it — the whole list, for an item of a list, so that the indexes rules report at stay those of
 * the file. When what is left still fails (a required part was wrong, or the document itself), the
 * file is not usable: rules only ever read data of the shape the schema promises.
 */
function withoutInvalidParts(data: unknown, errors: readonly ErrorObject[], validateFunction: ValidateFunction): unknown {
  const copy = structuredClone(data);
  for (const error of errors) {
    const path = decodePointer(error.instancePath);
    if (error.keyword === 'additionalProperties') path.push(String((error.params as { additionalProperty: unknown }).additionalProperty));
    if (!deleteHoldingProperty(copy, path)) return undefined;
  }
  return validateFunction(copy) ? copy : undefined;
}

/** Delete the deepest object property on `path` (false when the path names the document itself). */
function deleteHoldingProperty(root: unknown, path: readonly string[]): boolean {
  let holder: Record<string, unknown> | undefined;
  let key = '';
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node)) node = node[Number(segment)] as unknown;
    else if (typeof node === 'object' && node !== null) {
      holder = node as Record<string, unknown>;
      key = segment;
      node = holder[segment];
    } else break;
  }
  if (!holder) return false;
  delete holder[key];
  return true;
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
  const { description, location } = describeAt(error, file);
  return makeFinding(description.code, description.args, location);
}

/** The error's code and args, and where in the file it is. */
function describeAt(error: ErrorObject, file: YamlFile): { description: Description; location: FindingLocation } {
  const description = describe(error, decodePointer(error.instancePath));
  return { description, location: { file: file.displayPath, ...locateSpan(file, description.pointAt, description.target), path: description.pointAt.join('/') } };
}

/** A schema code with its args, and where in the file it points. */
type Description = { [C in SchemaCode]: { code: C; args: FindingArgs[C]; pointAt: string[]; target: 'key' | 'value' } }[SchemaCode];

type SchemaCode = Extract<FindingCode, `SCHEMA_${string}`>;

function describe(error: ErrorObject, path: string[]): Description {
  const params = error.params as Record<string, unknown>;
  const at = readablePath(path);
  const hint = typeof error.parentSchema?.description === 'string' ? error.parentSchema.description : undefined;
  const value = valueText(error.data);
  switch (error.keyword) {
    case 'required':
      return { code: 'SCHEMA_MISSING_PROPERTY', args: { at, property: String(params.missingProperty) }, pointAt: path, target: 'value' };
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const pointAt = [...path, property];
      return { code: 'SCHEMA_UNKNOWN_PROPERTY', args: { at: readablePath(pointAt), property, suggestion: closestMatch(property, allowed), allowed }, pointAt, target: 'key' };
    }
    case 'type':
      return { code: 'SCHEMA_WRONG_TYPE', args: { at, expected: String(params.type).split(','), actual: actualType(error.data), value }, pointAt: path, target: 'value' };
    case 'enum':
      return { code: 'SCHEMA_INVALID_VALUE', args: { case: 'enum', at, value, allowed: (params.allowedValues as unknown[]).map(String) }, pointAt: path, target: 'value' };
    case 'const':
      return { code: 'SCHEMA_INVALID_VALUE', args: { case: 'const', at, value, required: valueText(params.allowedValue), hint }, pointAt: path, target: 'value' };
    case 'minLength':
      return { code: 'SCHEMA_VIOLATION', args: { case: 'min-length', at, limit: Number(params.limit), hint }, pointAt: path, target: 'value' };
    case 'minItems':
      return { code: 'SCHEMA_VIOLATION', args: { case: 'min-items', at, limit: Number(params.limit), hint }, pointAt: path, target: 'value' };
    case 'false schema':
    case 'not':
      return { code: 'SCHEMA_VIOLATION', args: { case: 'forbidden', at, hint }, pointAt: path, target: 'key' };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { code: 'SCHEMA_INVALID_VALUE', args: { case: 'range', at, value, comparison: String(params.comparison), limit: Number(params.limit), hint }, pointAt: path, target: 'value' };
    case 'pattern':
    case 'format':
      return { code: 'SCHEMA_INVALID_FORMAT', args: { at, value, hint, keyword: error.keyword, expected: String(params[error.keyword]) }, pointAt: path, target: 'value' };
    default:
      return { code: 'SCHEMA_VIOLATION', args: { case: 'other', at, detail: error.message ?? 'invalid', hint }, pointAt: path, target: 'value' };
  }
}

function actualType(value: unknown): ActualType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'object' || type === 'number' || type === 'boolean' || type === 'string' ? type : 'other';
}

/** A value as YAML writes it: `.nan`, `.inf` and `-.inf` for the numbers JSON cannot show. */
function valueText(value: unknown): string {
  if (typeof value === 'number' && Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return JSON.stringify(value) ?? String(value);
}

/** `objectives/3/title` → `objectives[3].title` (empty for the document itself). */
function readablePath(path: readonly string[]): string {
  return path.map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}
