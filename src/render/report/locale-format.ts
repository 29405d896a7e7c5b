import { finite } from '../finite-numbers.js';

/** Numbers and dates of a report in its language, through Intl (it-IT: `1.234,5 €`, `42,5%`). `–` stands for no value. */
export interface LocaleFormat {
  percent(value: number | null | undefined): string;
  /** A change of a share, in percentage points with a sign: `+12,5 punti`. */
  points(value: number | null | undefined, unit: string): string;
  signed(value: number): string;
  euros(value: number): string;
  number(value: number | null | undefined): string;
  /** ISO date as a long date: `31 dicembre 2025`. */
  longDate(iso: string): string;
  /** ISO date as a short numeric date: `31/12/2025`. */
  shortDate(iso: string | undefined): string;
}

const NONE = '–';

export function localeFormat(locale: string): LocaleFormat {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const euros = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const shortDate = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const instant = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return {
    percent: (value) => (value === null || value === undefined ? NONE : percent.format(value)),
    points: (value, unit) => (value === null || value === undefined ? NONE : `${points.format(finite(value * 100, 'a change in points'))} ${unit}`),
    signed: (value) => signed.format(value),
    euros: (value) => euros.format(value),
    number: (value) => (value === null || value === undefined ? NONE : number.format(value)),
    longDate: (iso) => longDate.format(instant(iso)),
    shortDate: (iso) => (iso === undefined ? NONE : shortDate.format(instant(iso))),
  };
}
