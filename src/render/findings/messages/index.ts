import type { Finding } from '../../../findings/finding.js';
import type { Language } from '../../language.js';
import { EN } from './en.js';
import { IT } from './it.js';
import type { FindingMessages } from './message-parts.js';

const MESSAGES: Record<Language, FindingMessages> = { en: EN, it: IT };

/** The finding's message in `language`, rendered from its code and args. */
export function findingMessage(finding: Finding, language: Language): string {
  // The compiler cannot pair a union's code with its args; Finding guarantees they belong together.
  const format = MESSAGES[language][finding.code] as (args: Finding['args']) => string;
  return format(finding.args);
}
