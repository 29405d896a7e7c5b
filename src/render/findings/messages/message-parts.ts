import type { ActualType, FindingArgs } from '../../../findings/finding-args.js';
import type { FindingCode } from '../../../findings/finding-codes.js';

/** One message formatter per finding code: the compiler catches a code without its message. */
export type FindingMessages = { [C in FindingCode]: (args: FindingArgs[C]) => string };

/** A schema message after the readable path it is about: `objectives[3].title: …`. */
export function atPath(at: string, text: string): string {
  return at === '' ? text : `${at}: ${text}`;
}

/** The schema's description of the property, in brackets after the message. */
export function withHint(text: string, hint: string | undefined): string {
  return hint === undefined ? text : `${text} (${hint})`;
}

/** The words in which a language says that a value has the wrong type. */
export interface TypeWords {
  /** JSON Schema types in the words of YAML. */
  expected: Record<string, string>;
  /** What the value is, given as YAML writes it. */
  actual: Record<ActualType, (value: string) => string>;
  or: string;
  finiteNumber: string;
  mustBe: (wanted: string, actual: string) => string;
  /** Advice for a number or boolean where text is expected. */
  quoteHint: (value: string) => string;
}

/** "must be a number, not a string": what was expected and what the value is, in `words`. */
export function wrongTypeText({ expected, actual, value }: FindingArgs['SCHEMA_WRONG_TYPE'], words: TypeWords): string {
  const wanted = expected.map((type) => words.expected[type] ?? type).join(words.or);
  const only = expected.length === 1 ? expected[0] : undefined;
  if (actual === 'number' && isNonFinite(value)) return words.mustBe(only === 'number' ? words.finiteNumber : wanted, value);
  if (actual === 'number' && only === 'integer') return words.mustBe(wanted, value);
  const hint = only === 'string' && (actual === 'number' || actual === 'boolean') ? words.quoteHint(value) : '';
  return words.mustBe(wanted, words.actual[actual](value)) + hint;
}

/** The values that a number cannot be in JSON, as YAML writes them. */
function isNonFinite(value: string): boolean {
  return value === '.nan' || value === '.inf' || value === '-.inf';
}
