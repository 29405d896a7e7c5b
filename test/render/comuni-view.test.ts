import { describe, expect, it } from 'vitest';
import { computeMonitoringReport } from '../../src/compute/monitoring-report.ts';
import { buildComuneView } from '../../src/render/report/comune-view.ts';
import { buildReportView } from '../../src/render/report/report-view.ts';
import { dupModel } from '../helpers/dup-model.ts';

const AS_OF = '2026-01-01';
const model = dupModel();
const view = buildReportView(model, computeMonitoringReport(model, AS_OF), [], { title: undefined, year: undefined });
const comune = (istat: string) => buildComuneView(model, view, model.reference.comuneByIstat.get(istat)!);

describe('the comuni section of the report view', () => {
  it('counts the comuni with a DUP: Milano and Sesto of three', () => {
    expect(view.comuni).toMatchObject({ comuni: 3, withDup: 2 });
    expect(view.comuni.alignment.map((row) => [row.istat, row.objectives.length])).toEqual([
      ['015146', 1],
      ['015209', 2],
      ['015077', 0],
    ]);
  });

  it('per zone: the share with a DUP and, per mission, the comuni serving it (the heat map)', () => {
    expect(view.comuni.zones.map(({ zone, comuni, withDup, dupShare, missions }) => ({ zone, comuni, withDup, dupShare, missions: missions.map((cell) => cell.comuni) }))).toEqual([
      // Milano serves M2.1 only.
      { zone: 'Milano', comuni: 1, withDup: 1, dupShare: 1, missions: [0, 1, 0] },
      // Sesto serves M1.1 and M2.1; Cinisello has no DUP.
      { zone: 'Nord Milano', comuni: 2, withDup: 1, dupShare: 0.5, missions: [1, 1, 0] },
    ]);
  });

  it('per objective the plan marks for the Comuni, the comuni aligned (M1.2 is not marked); the comuni without a DUP by zone', () => {
    expect(view.comuni.markedObjectives).toEqual([
      { id: 'M1.1', missionId: 'M1', title: 'Obiettivo M1.1', comuni: 1 },
      { id: 'M2.1', missionId: 'M2', title: 'Obiettivo M2.1', comuni: 2 },
    ]);
    expect(view.comuni.withoutDup).toEqual([{ zone: 'Nord Milano', comuni: ['Cinisello Balsamo'] }]);
  });

  it('with no DUP at all: every comune is without one, and no objective has a comune aligned', () => {
    const none = dupModel([]);
    const empty = buildReportView(none, computeMonitoringReport(none, AS_OF), [], { title: undefined, year: undefined }).comuni;
    expect(empty).toMatchObject({ comuni: 3, withDup: 0 });
    expect(empty.markedObjectives.map((row) => row.comuni)).toEqual([0, 0]);
    expect(empty.withoutDup).toEqual([
      { zone: 'Milano', comuni: ['Milano'] },
      { zone: 'Nord Milano', comuni: ['Sesto San Giovanni', 'Cinisello Balsamo'] },
    ]);
  });
});

describe('the page of one comune', () => {
  it('Sesto: its objectives with the PSTTM objectives they serve, the suggestion apart, and the projects reaching it by the city or its zone', () => {
    const sesto = comune('015209');
    expect(sesto.comune).toEqual({ istat: '015209', name: 'Sesto San Giovanni', zone: 'Nord Milano', file: 'plan/dup/015209-sesto-san-giovanni.yaml', period: '2025-2027' });
    expect(sesto.objectives.map((row) => [row.code, row.confirmedObjectives.map((objective) => objective.id)])).toEqual([
      ['S1', ['M1.1']],
      ['S1.1', ['M1.1', 'M2.1']],
    ]);
    expect(sesto.pending).toEqual([{ code: 'S1', objective: { id: 'M2.1', missionId: 'M2', title: 'Obiettivo M2.1' }, score: 0.3 }]);
    expect(sesto.served.map((objective) => objective.id)).toEqual(['M1.1', 'M2.1']);
    expect(sesto.notServed).toEqual([]);
    // Not `cinisello` (another comune of its zone), not `sesto-cancelled` (cancelled).
    expect(sesto.projects.map((row) => row.id)).toEqual(['metro', 'nord']);
  });

  it('Cinisello, without a DUP: nothing served, both objectives for the Comuni not served, and the project listing its ISTAT code', () => {
    const cinisello = comune('015077');
    expect(cinisello).toMatchObject({ objectives: [], pending: [], served: [] });
    expect(cinisello.comune.file).toBeUndefined();
    expect(cinisello.notServed.map((objective) => objective.id)).toEqual(['M1.1', 'M2.1']);
    expect(cinisello.projects.map((row) => row.id)).toEqual(['metro', 'nord', 'cinisello']);
  });

  it('Milano: serves M2.1, not M1.1; only the metropolitan project reaches it', () => {
    const milano = comune('015146');
    expect(milano.served.map((objective) => objective.id)).toEqual(['M2.1']);
    expect(milano.notServed).toEqual([{ id: 'M1.1', missionId: 'M1', title: 'Obiettivo M1.1' }]);
    expect(milano.projects.map((row) => row.id)).toEqual(['metro']);
  });
});
