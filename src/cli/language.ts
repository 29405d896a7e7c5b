import { Option, type Command } from 'commander';
import { LANGUAGES, type Language } from '../render/language.js';
import type { Io } from './io.js';

export interface LanguageOption {
  lang?: Language;
}

/** `--lang it|en` on a command that prints findings; without it, the locale decides. */
export function addLanguageOption(command: Command): Command {
  return command.addOption(new Option('--lang <language>', 'language of the findings (default: it when LC_ALL, LC_MESSAGES or LANG is Italian, else en)').choices(LANGUAGES));
}

/**
 * The language of a run's messages: `--lang`, else the locale as POSIX resolves it for messages
 * (LC_ALL, then LC_MESSAGES, then LANG; the first one set and not empty), Italian for `it…`, else English.
 */
export function chooseLanguage(options: LanguageOption, env: Io['env']): Language {
  if (options.lang) return options.lang;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return locale !== undefined && /^it(?![a-z])/i.test(locale) ? 'it' : 'en';
}
