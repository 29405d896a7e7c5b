import type { FindingArgs } from '../../../validate/finding-args.js';
import type { FindingCode } from '../../../validate/finding-codes.js';

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

/** The values that a number cannot be in JSON, as YAML writes them. */
export function isNonFinite(value: string): boolean {
  return value === '.nan' || value === '.inf' || value === '-.inf';
}
