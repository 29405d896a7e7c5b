import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBinary, runInProcess } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

/** A copy of the shipped plan with Milano's DUP of test/fixtures/dup-suggestions/dup: objective 10.1 links M3.6 (confirmed) and M3.4 (suggested, 0.2) and rejects M3.7. */
function planWithDup(): string {
  const root = tempPlan(undefined, path.join(repoRoot, 'plan'));
  cpSync(path.join(repoRoot, 'test/fixtures/dup-suggestions/dup'), path.join(root, 'dup'), { recursive: true });
  return root;
}

const why = (root: string, ...argv: string[]) => ['why', ...argv, '--plan', root];

describe('psttm why dup:<istat>/<code>', () => {
  it('prints the JSON of the objective, its links and the top 3 now, each with stems, crosswalk and score', async () => {
    const root = planWithDup();
    const result = await runInProcess(why(root, 'dup:015146/10.1', '--json'), { cwd: root });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ id: 'dup:015146/10.1', comune: { istat: '015146', name: 'Milano' }, code: '10.1', level: 'operativo', missione: '10', missioneName: 'Trasporti e diritto alla mobilità', programma: '10.05', rejected: ['M3.7'] });
    expect(report.links.map((link: { objective: string; confirmed: boolean; storedScore: number | null }) => [link.objective, link.confirmed, link.storedScore])).toEqual([
      ['M3.6', true, null],
      ['M3.4', false, 0.2],
    ]);
    const cycling = report.links[0].explanation;
    expect(cycling).toMatchObject({ objective: 'M3.6', crosswalk: { missione: '10', psttmMissions: ['M3'] }, crosswalkApplies: true, inCrosswalk: true, factor: 1 });
    expect(cycling.stems[0]).toMatchObject({ stem: 'ciclabil', match: 0.8 });
    expect(cycling.score).toBe(cycling.text);
    expect(report.suggestions[0].objective).toBe('M3.6');
    expect(report.suggestions.length).toBeLessThanOrEqual(3);
    expect(report.suggestions.map((suggestion: { objective: string }) => suggestion.objective)).not.toContain('M3.7');
  });

  it('explains in Italian or English, as --lang says', async () => {
    const root = planWithDup();
    const italian = await runInProcess(why(root, 'dup:015146/10.1', '--lang', 'it'), { cwd: root });
    expect(italian.code).toBe(0);
    expect(italian.stdout).toContain('Comune Milano (015146)');
    expect(italian.stdout).toContain('Livello operativo; Missione 10 Trasporti e diritto alla mobilità; Programma 10.05');
    expect(italian.stdout).toContain('M3.4: Miglioramento delle condizioni di sicurezza stradale');
    expect(italian.stdout).toContain('(suggerito, punteggio nel file 0,2)');
    expect(italian.stdout).toContain('raccordo missione 10 → M3: La Missione 3 investe');
    expect(italian.stdout).toMatch(/punteggio = testo 0,\d+ × fattore 1 = 0,\d+/);
    expect(italian.stdout).toContain('Rifiutati: M3.7');
    const english = await runInProcess(why(root, 'dup:015146/10.1', '--lang', 'en'), { cwd: root });
    expect(english.stdout).toContain('Level operational; Missione 10');
    expect(english.stdout).toContain('(suggested, score in the file 0.2)');
    expect(english.stdout).toContain('Suggestions now (top 3):');
  });

  it("reads the plan's own crosswalk-missioni.csv instead of the shipped one", async () => {
    const root = planWithDup();
    writeFileSync(path.join(root, 'reference/crosswalk-missioni.csv'), 'missione,psttm_missions,reason\n10,M5,"Corretto dal piano"\n');
    const result = await runInProcess(why(root, 'dup:015146/10.1', '--json'), { cwd: root });
    const cycling = JSON.parse(result.stdout).links[0].explanation;
    expect(cycling).toMatchObject({ crosswalk: { missione: '10', psttmMissions: ['M5'], reason: 'Corretto dal piano' }, inCrosswalk: false, factor: 0.6 });
  });

  it('finds the comune by name too', async () => {
    const root = planWithDup();
    const result = await runInProcess(why(root, 'dup:milano/10.1', '--json'), { cwd: root });
    expect(JSON.parse(result.stdout).id).toBe('dup:015146/10.1');
  });

  it.each([
    [['dup:015146/10.2'], 'dup:015146/10.2: the DUP of Milano', 'did you mean dup:015146/10.1?'],
    [['dup:015209/1'], 'no DUP file in plan/dup/ is for the comune 015209', '(ids are dup:<istat>/<code>)'],
  ])('refuses %j with one line, exit 2', async (argv, message, hint) => {
    const root = planWithDup();
    const result = await runInProcess(why(root, ...argv), { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain(hint);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints the same as the spawned binary, without colour under NO_COLOR', async () => {
    const root = planWithDup();
    const argv = why(root, 'dup:015146/10.1', '--lang', 'en');
    const [spawned, inProcess] = [await runBinary(argv, { cwd: root }), await runInProcess(argv, { cwd: root })];
    expect(spawned.code).toBe(0);
    expect(spawned.stdout).toBe(inProcess.stdout);
    expect(spawned.stdout).not.toMatch(/\u001b\[/);
    expect(spawned.stdout).toContain('dup:015146/10.1: Realizzazione di nuove piste ciclabili');
  });
});
