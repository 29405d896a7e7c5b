import { startOfDay } from '../model/dates.js';
import { finite } from './finite-numbers.js';

/** A noun in the forms a language's plural rules pick from (`one`, `other`, Italian's `many`…); `other` is the fallback. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * Numbers, money, dates and counted nouns in one locale, through Intl (it-IT: `1.234 €`, `42,5%`,
 * `31 dicembre 2025`; en-GB: `€1,234`, `42.5%`). `none` stands for no value: the reports' `n.d.`,
 * never a zero.
 */
export interface LocaleFormat {
  readonly locale: string;
  percent(value: number | null | undefined): string;
  /** A change of a share, in percentage points with a sign: `+12,5 punti`. */
  points(value: number | null | undefined, unit: string): string;
  signed(value: number): string;
  euros(value: number): string;
  /** A number to 2 decimals, as reports show figures. */
  number(value: number | null | undefined): string;
  /** A number to 4 decimals, in scientific notation when that would hide it (`5E-324`, `1E20`): an explanation's operands. */
  precise(value: number): string;
  /** ISO date as a long date: `31 dicembre 2025`. */
  longDate(iso: string): string;
  /** ISO date as a short numeric date: `31/12/2025`. */
  shortDate(iso: string | undefined): string;
  /** A count and its noun in the form the language's plural rules pick: `1 error`, `2 errors`. */
  count(value: number, noun: PluralForms): string;
}

/** The report languages, whose numbers are written in the digits 0-9. */
const LATIN_DIGITS = /^(it|en)(-|$)/;

export function localeFormat(locale: string, none = '–'): LocaleFormat {
  // Each Intl formatter is made on first use: making one loads locale data, and most runs use a few.
  const percent = once(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }));
  const points = once(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }));
  const signed = once(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }));
  const euros = once(() => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }));
  const number = once(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));
  const precise = once(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }));
  const scientific = once(() => new Intl.NumberFormat(locale, { notation: 'scientific', maximumFractionDigits: 4 }));
  // Counts stay ungrouped (`1000 problems`), as tallies and ids print them.
  const count = once(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: false }));
  // An ungrouped whole number in 0-9 digits is what String() writes: it spares a short command the formatter's locale data.
  const countDigits = (value: number) => (Number.isSafeInteger(value) && LATIN_DIGITS.test(locale) ? String(value) : count().format(value));
  const plurals = once(() => new Intl.PluralRules(locale));
  const longDate = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }));
  const shortDate = once(() => new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }));
  return {
    locale,
    percent: (value) => (value === null || value === undefined ? none : percent().format(finite(value, 'a percentage'))),
    points: (value, unit) => (value === null || value === undefined ? none : `${points().format(finite(value * 100, 'a change in points'))} ${unit}`),
    signed: (value) => signed().format(value),
    euros: (value) => euros().format(finite(value, 'an amount in euros')),
    number: (value) => (value === null || value === undefined ? none : number().format(value)),
    precise: (value) => {
      const magnitude = Math.abs(finite(value, 'a number'));
      return (magnitude > 0 && magnitude < 5e-5) || magnitude >= 1e15 ? scientific().format(value) : precise().format(value);
    },
    longDate: (iso) => longDate().format(startOfDay(iso)),
    shortDate: (iso) => (iso === undefined ? none : shortDate().format(startOfDay(iso))),
    count: (value, noun) => `${countDigits(value)} ${noun[plurals().select(value)] ?? noun.other}`,
  };
}

/** A value made by `make` on the first call, and the same value after. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
