import { describe, expect, it } from 'vitest';
import { localeFormat } from '../../src/render/format.ts';
import { LABELS } from '../../src/render/labels.ts';
import { headlineSentence, methodRules } from '../../src/render/report/method.ts';
import type { ReportView } from '../../src/render/report/report-view.ts';

const IT = LABELS.it;
const format = localeFormat(IT.locale);
const headline = (progress: number | null, withData: number, initiatives: number) =>
  ({ progress, expected: progress === null ? null : 1, status: progress === null ? 'no_data' : 'insufficient_data', base: { withData, initiatives } }) as ReportView['headline'];

describe('the headline sentence', () => {
  it('says what the plan figure rests on', () => {
    expect(headlineSentence(headline(0.472, 3, 16), IT, format)).toBe(
      'Avanzamento del piano 47,2% (atteso alla data 100%), calcolato su 3 dei 16 progetti considerati: gli altri 13 non hanno ancora dati. Stato: dati insufficienti.',
    );
    expect(headlineSentence(headline(0.472, 3, 16), LABELS.en, localeFormat(LABELS.en.locale))).toBe(
      'Plan progress 47.2% (expected by this date: 100%), computed from 3 of the 16 projects counted: the other 13 have no data yet. Status: insufficient data.',
    );
  });

  it('says so when no project has data, rather than showing a figure', () => {
    expect(headlineSentence(headline(null, 0, 4), IT, format)).toBe('Avanzamento del piano non calcolabile: nessuno dei 4 progetti considerati ha dati.');
  });
});

describe('the method', () => {
  it('states every rule with the thresholds of the plan', () => {
    const rules = methodRules({ on_track_ratio: 0.9, at_risk_ratio: 0.5, freshness_months: 18, project_update_months: 12, min_data_share: 0.4 }, IT, format);
    expect(rules.map((rule) => rule.name)).toEqual(['Progetti considerati', 'Avanzamento di un indicatore', 'Avanzamento atteso', 'Traguardi', 'Stato', 'Dati non aggiornati', 'Aggregati', 'Dati insufficienti', 'Copertura', 'Risorse']);
    expect(rules.find((rule) => rule.name === 'Stato')!.text).toContain('≥ 90% (o se nulla era ancora atteso), a rischio se ≥ 50%');
    expect(rules.find((rule) => rule.name === 'Dati non aggiornati')!.text).toContain('più di 18 mesi');
    expect(rules.find((rule) => rule.name === 'Dati insufficienti')!.text).toContain('meno di 40% degli elementi');
    for (const rule of rules) expect(rule.text).not.toMatch(/\{\w+\}/);
  });
});
