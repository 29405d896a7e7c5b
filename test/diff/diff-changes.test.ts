import { describe, expect, it } from 'vitest';
import { diffInAllFormats, markdownHtml, markdownOutline, planRepository, type DiffOutputs, type PlanRepository } from './diff-repository.ts';

/**
 * `psttm diff HEAD~1 HEAD` through the built binary, one kind of change per case, in text, Markdown
 * and JSON. The base plan: M1.1 Primo obiettivo and M1.2 Secondo obiettivo in M1 Alpha, M2.1 Unico
 * obiettivo in M2 Beta. alpha-hub links M1.1 (latest actual 90 of a target of 100 from 0: 0.9);
 * beta-park links M1.1 and M2.1 at 0.5 each (one milestone of two done: 0.5); Cologno's DUP confirms
 * M2.1, Sesto's M1.1; a consultation votes M1.1 4, M2.1 3. So 2 of 3 objectives are covered (M1.2
 * is not); M1.1's progress is (0.9 × 1 + 0.5 × 0.5) / 1.5 = 76.7 %, M2.1's 50 % and the plan's their
 * mean, 63.3 %: the left half of every figures table below.
 */

/**
 * The diff, in three formats, of `change` committed on top of the base plan (or on top of the base
 * plan with `prepare` committed first), checking its exit code and the heading of its text.
 */
async function diffOf(exitCode: number, change: (plan: PlanRepository) => void, prepare?: (plan: PlanRepository) => void): Promise<DiffOutputs> {
  const repository = planRepository();
  if (prepare) {
    prepare(repository);
    repository.commit('the plan before the change');
  }
  change(repository);
  repository.commit('the change');
  const outputs = await diffInAllFormats(repository.dir, ['HEAD~1', 'HEAD']);
  expect(outputs.code).toBe(exitCode);
  expect(outputs.text.split('\n')[0]).toBe('psttm diff HEAD~1 → HEAD');
  return outputs;
}

/** The keys of `psttm diff --json`, in the order the README documents them. */
const JSON_KEYS = ['base', 'head', 'missions', 'objectives', 'projects', 'dups', 'consultations', 'figures', 'figuresNote', 'danglingLinks'] as const;

/** The Markdown says what the text says: the same heading, summary line, and items in the same sections. */
function expectMarkdown(outputs: DiffOutputs, sections: Record<string, string[][]>): void {
  const [heading, summary] = outputs.text.split('\n');
  expect(markdownOutline(outputs.markdown)).toMatchObject({ heading, summary, sections });
}

/** The JSON has the documented keys, the sides, and no change but those `expected` names. */
function expectJson(outputs: DiffOutputs, expected: Partial<Record<(typeof JSON_KEYS)[number], unknown>>): void {
  expect(Object.keys(outputs.json)).toEqual(JSON_KEYS);
  expect(outputs.json).toMatchObject({ base: 'HEAD~1', head: 'HEAD', missions: [], objectives: [], projects: [], dups: [], consultations: [], figuresNote: null, danglingLinks: [], ...expected });
}

/** The text output after its heading (which diffOf checks) and before its figures table (which movedFigures checks). */
function changesIn(text: string): string {
  return text.slice(text.indexOf('\n') + 1).replace(/\nFigures as of [\s\S]*$/, '');
}

/**
 * The rows of the figures table whose coverage or progress moved (label, coverage before, after,
 * progress before, after), after checking that the text and the Markdown tables hold the same rows.
 */
function movedFigures(outputs: DiffOutputs): string[][] {
  const textRows = outputs.text.split('\n').filter((line) => line.startsWith('│')).map((line) => line.split('│').slice(1, -1).map((cell) => cell.trim()));
  const [, ...rows] = markdownOutline(outputs.markdown).figures;
  expect(rows).toEqual(textRows.slice(1));
  return rows.filter(([, coverageBefore, coverageAfter, progressBefore, progressAfter]) => coverageBefore !== coverageAfter || progressBefore !== progressAfter);
}

/** The plan's figures in the JSON: objectives and covered before → after, and progress before → after. */
function planFigures(outputs: DiffOutputs) {
  const { before, after } = (outputs.json.figures as { plan: { before: Record<string, number>; after: Record<string, number> } }).plan;
  return { covered: [`${before.covered}/${before.objectives}`, `${after.covered}/${after.objectives}`], progress: [before.progress, after.progress] };
}

const M1_3 = '  - id: M1.3\n    title: Terzo obiettivo\n    actors: { citta_metropolitana: true, comuni: false, corpi_intermedi: false }\n';
const addThirdObjective = (plan: PlanRepository) => plan.edit('missions/m1-alpha.yaml', /$/, M1_3);
/** M1.3 added, alpha-hub linking it: the plan where M1.2 is removed and M1.3 renumbered M1.2. */
const addThirdObjectiveLinked = (plan: PlanRepository) => {
  addThirdObjective(plan);
  plan.edit('projects/alpha-hub.yaml', '  - id: M1.1\n', '  - id: M1.1\n  - id: M1.3\n');
};
/** M1.2 removed, M1.3 taking its id. */
const renumberThird = (supersedes: string) => (plan: PlanRepository) => plan.edit('missions/m1-alpha.yaml', /  - id: M1\.2\n(    .*\n)+  - id: M1\.3\n/, `  - id: M1.2\n${supersedes}`);

describe('psttm diff between two commits', () => {
  it('an objective added: listed, with the coverage it lowers (2 of 4 objectives covered instead of 2 of 3)', async () => {
    const outputs = await diffOf(0, addThirdObjective);
    expect(outputs.text).toMatchInlineSnapshot(`
      "psttm diff HEAD~1 → HEAD
      Objectives: 1 added; coverage 66.7% → 50%; progress 63.3% → 63.3%.

      Objectives
        + M1.3 Terzo obiettivo

      Figures as of 2026-11-22
      ┌──────┬─────────────────┬─────────────┬─────────────────┬───────┐
      │      │ coverage before │       after │ progress before │ after │
      │ Plan │     66.7% (2/3) │   50% (2/4) │           63.3% │ 63.3% │
      │ M1   │       50% (1/2) │ 33.3% (1/3) │           76.7% │ 76.7% │
      │ M2   │      100% (1/1) │  100% (1/1) │             50% │   50% │
      └──────┴─────────────────┴─────────────┴─────────────────┴───────┘
      "
    `);
    expect(movedFigures(outputs)).toEqual([['Plan', '66.7% (2/3)', '50% (2/4)', '63.3%', '63.3%'], ['M1', '50% (1/2)', '33.3% (1/3)', '76.7%', '76.7%']]);
    expectMarkdown(outputs, { 'Objectives (1)': [['added M1.3 Terzo obiettivo']] });
    expectJson(outputs, { objectives: [{ change: 'added', id: 'M1.3', title: 'Terzo obiettivo', actors: [] }] });
    expect(planFigures(outputs)).toEqual({ covered: ['2/3', '2/4'], progress: [0.6333333333333333, 0.6333333333333333] });
  });

  it('a mission added, with its objective', async () => {
    const outputs = await diffOf(0, (plan) => plan.add('missions/m3-gamma.yaml'));
    expect(changesIn(outputs.text)).toMatchInlineSnapshot(`
      "Missions: 1 added; Objectives: 1 added; coverage 66.7% → 50%; progress 63.3% → 63.3%.

      Missions
        + M3 Gamma

      Objectives
        + M3.1 Obiettivo della terza missione
      "
    `);
    expect(movedFigures(outputs)).toEqual([['Plan', '66.7% (2/3)', '50% (2/4)', '63.3%', '63.3%'], ['M3', '–', '0% (0/1)', '–', 'n/a']]);
    expectMarkdown(outputs, { 'Missions (1)': [['added M3 Gamma']], 'Objectives (1)': [['added M3.1 Obiettivo della terza missione']] });
    expectJson(outputs, {
      missions: [{ change: 'added', id: 'M3', title: 'Gamma' }],
      objectives: [{ change: 'added', id: 'M3.1', title: 'Obiettivo della terza missione', actors: [] }],
    });
    expect((outputs.json.figures as { missions: unknown[] }).missions[2]).toEqual({ id: 'M3', before: null, after: { objectives: 1, covered: 0, coverage: 0, progress: null } });
  });

  it('a mission removed while a project and DUPs still link its objective: exit 1 naming each link at file:line:column (a consultation’s votes are no link)', async () => {
    const outputs = await diffOf(1, (plan) => plan.remove('missions/m2-beta.yaml'));
    expect(changesIn(outputs.text)).toMatchInlineSnapshot(`
      "Missions: 1 removed; Objectives: 1 removed; 3 dangling links.

      Missions
        - M2 Beta

      Objectives
        - M2.1 Unico obiettivo

      No figures: the plan has 4 errors in HEAD (psttm validate lists them).

      Dangling links
        HEAD:plan/dup/015081-cologno-monzese.yaml:11:20  error  1: links to M2.1, which this change removes; link an objective of the plan  DANGLING_LINK
        HEAD:plan/dup/015209-sesto-san-giovanni.yaml:13:22  error  S1: links to M2.1, which this change removes; link an objective of the plan  DANGLING_LINK
        HEAD:plan/projects/beta-park.yaml:10:9  error  links to M2.1, which this change removes; link an objective of the plan  DANGLING_LINK
      "
    `);
    expectMarkdown(outputs, { 'Missions (1)': [['removed M2 Beta']], 'Objectives (1)': [['removed M2.1 Unico obiettivo']] });
    expect(markdownOutline(outputs.markdown).dangling.map((link) => link.split(' ')[0])).toEqual(['HEAD:plan/dup/015081-cologno-monzese.yaml:11:20', 'HEAD:plan/dup/015209-sesto-san-giovanni.yaml:13:22', 'HEAD:plan/projects/beta-park.yaml:10:9']);
    expect((outputs.json.danglingLinks as { file: string; line: number; column: number }[]).map(({ file, line, column }) => `${file}:${line}:${column}`)).toMatchInlineSnapshot(`
      [
        "HEAD:plan/dup/015081-cologno-monzese.yaml:11:20",
        "HEAD:plan/dup/015209-sesto-san-giovanni.yaml:13:22",
        "HEAD:plan/projects/beta-park.yaml:10:9",
      ]
    `);
  });

  it('an objective nothing links removed: listed, coverage back to 2 of 3, exit 0', async () => {
    const outputs = await diffOf(0, (plan) => plan.edit('missions/m1-alpha.yaml', M1_3, ''), addThirdObjective);
    expect(changesIn(outputs.text)).toMatchInlineSnapshot(`
      "Objectives: 1 removed; coverage 50% → 66.7%; progress 63.3% → 63.3%.

      Objectives
        - M1.3 Terzo obiettivo
      "
    `);
    expect(movedFigures(outputs)).toEqual([['Plan', '50% (2/4)', '66.7% (2/3)', '63.3%', '63.3%'], ['M1', '33.3% (1/3)', '50% (1/2)', '76.7%', '76.7%']]);
    expectMarkdown(outputs, { 'Objectives (1)': [['removed M1.3 Terzo obiettivo']] });
    expectJson(outputs, { objectives: [{ change: 'removed', id: 'M1.3', title: 'Terzo obiettivo', actors: [] }] });
    expect(planFigures(outputs).covered).toEqual(['2/4', '2/3']);
  });

  it('an objective retitled and an actor column marked: the words that changed, struck and bold in Markdown', async () => {
    const outputs = await diffOf(0, (plan) => {
      plan.edit('missions/m1-alpha.yaml', 'title: Primo obiettivo', 'title: Primo traguardo condiviso');
      plan.edit('missions/m1-alpha.yaml', 'citta_metropolitana: true, comuni: false', 'citta_metropolitana: true, comuni: true');
    });
    expect(changesIn(outputs.text)).toMatchInlineSnapshot(`
      "Objectives: 2 changed; coverage 66.7% → 66.7%; progress 63.3% → 63.3%.

      Objectives
        ~ M1.1 Primo traguardo condiviso
            title: Primo [-obiettivo-]{+traguardo condiviso+}
        ~ M1.2 Secondo obiettivo
            Comuni: not marked → marked
      "
    `);
    expect(movedFigures(outputs)).toEqual([]);
    expect(markdownHtml(outputs.markdown)).toContain('<li>title: Primo <del>obiettivo</del><strong>traguardo condiviso</strong></li>');
    expectMarkdown(outputs, {
      'Objectives (2)': [
        ['changed M1.1 Primo traguardo condiviso', 'title: Primo obiettivotraguardo condiviso'],
        ['changed M1.2 Secondo obiettivo', 'Comuni: not marked → marked'],
      ],
    });
    expectJson(outputs, {
      objectives: [
        { change: 'changed', id: 'M1.1', title: 'Primo traguardo condiviso', titleChange: { before: 'Primo obiettivo', after: 'Primo traguardo condiviso' }, actors: [] },
        { change: 'changed', id: 'M1.2', title: 'Secondo obiettivo', actors: [{ column: 'comuni', label: 'Comuni', before: false, after: true }] },
      ],
    });
  });

  it('an objective renumbered with supersedes: a rename, the link to its old id unchanged, exit 0', async () => {
    const outputs = await diffOf(0, renumberThird('    supersedes: [M1.3]\n'), addThirdObjectiveLinked);
    expect(changesIn(outputs.text)).toMatchInlineSnapshot(`
      "Objectives: 1 removed, 1 renumbered; coverage 75% → 100%; progress 65% → 65%.

      Objectives
        - M1.2 Secondo obiettivo
        > M1.3 → M1.2 Terzo obiettivo
      "
    `);
    expect(movedFigures(outputs)).toEqual([['Plan', '75% (3/4)', '100% (3/3)', '65%', '65%'], ['M1', '66.7% (2/3)', '100% (2/2)', '80%', '80%']]);
    expectMarkdown(outputs, { 'Objectives (2)': [['removed M1.2 Secondo obiettivo'], ['renumbered M1.3 → M1.2 Terzo obiettivo']] });
    expectJson(outputs, {
      objectives: [
        { change: 'removed', id: 'M1.2', title: 'Secondo obiettivo', actors: [] },
        { change: 'renumbered', id: 'M1.2', from: 'M1.3', title: 'Terzo obiettivo', actors: [] },
      ],
    });
    expect(planFigures(outputs).covered).toEqual(['3/4', '3/3']);
  });

  it('an objective renumbered without supersedes: a removal and a retitle, and exit 1 naming the link left dangling at file:line:column', async () => {
    const outputs = await diffOf(1, renumberThird(''), addThirdObjectiveLinked);
    expect(changesIn(outputs.text)).toMatchInlineSnapshot(`
      "Objectives: 1 changed, 1 removed; 1 dangling link.

      Objectives
        ~ M1.2 Terzo obiettivo
            title: [-Secondo-]{+Terzo+} obiettivo
        - M1.3 Terzo obiettivo
            M1.2 now has its title: if it is M1.3 renumbered, declare "supersedes:
            [M1.3]" on it

      No figures: the plan has 1 error in HEAD (psttm validate lists them).

      Dangling links
        HEAD:plan/projects/alpha-hub.yaml:10:9  error  links to M1.3, which this change removes; if M1.2 is M1.3 renumbered, add "supersedes: [M1.3]" to M1.2, else link an objective of the plan  DANGLING_LINK
      "
    `);
    expect(markdownHtml(outputs.markdown)).toContain('<li>title: <del>Secondo</del><strong>Terzo</strong> obiettivo</li>');
    expect(markdownOutline(outputs.markdown).dangling).toMatchInlineSnapshot(`
      [
        "HEAD:plan/projects/alpha-hub.yaml:10:9 links to M1.3, which this change removes; if M1.2 is M1.3 renumbered, add "supersedes: [M1.3]" to M1.2, else link an objective of the plan",
      ]
    `);
    expectMarkdown(outputs, {
      'Objectives (2)': [
        ['changed M1.2 Terzo obiettivo', 'title: SecondoTerzo obiettivo'],
        ['removed M1.3 Terzo obiettivo', 'M1.2 now has its title: if it is M1.3 renumbered, declare "supersedes: [M1.3]" on it'],
      ],
    });
    expectJson(outputs, {
      objectives: [
        { change: 'changed', id: 'M1.2', title: 'Terzo obiettivo', titleChange: { before: 'Secondo obiettivo', after: 'Terzo obiettivo' }, actors: [] },
        { change: 'removed', id: 'M1.3', title: 'Terzo obiettivo', actors: [], sameTitleAs: 'M1.2' },
      ],
      danglingLinks: [
        {
          file: 'HEAD:plan/projects/alpha-hub.yaml',
          line: 10,
          column: 9,
          code: 'DANGLING_LINK',
          args: { objective: 'M1.3', renumbered: 'M1.2' },
          message: 'links to M1.3, which this change removes; if M1.2 is M1.3 renumbered, add "supersedes: [M1.3]" to M1.2, else link an objective of the plan',
        },
      ],
      figures: null,
      figuresNote: 'No figures: the plan has 1 error in HEAD (psttm validate lists them).',
    });
  });

  it('a project added: its links, and the objective it covers (3 of 3)', async () => {
    const outputs = await diffOf(0, (plan) => plan.add('projects/gamma-lab.yaml'));
    expect(changesIn(outputs.text)).toMatchInlineSnapshot(`
      "Projects: 1 added; coverage 66.7% → 100%; progress 63.3% → 63.3%.

      Projects
        + gamma-lab Gamma Lab (HEAD:plan/projects/gamma-lab.yaml)
            now links M1.2
      "
    `);
    expect(movedFigures(outputs)).toEqual([['Plan', '66.7% (2/3)', '100% (3/3)', '63.3%', '63.3%'], ['M1', '50% (1/2)', '100% (2/2)', '76.7%', '76.7%']]);
    expectMarkdown(outputs, { 'Projects (1)': [['added gamma-lab Gamma Lab (HEAD:plan/projects/gamma-lab.yaml)', 'now links M1.2']] });
    expectJson(outputs, { projects: [{ change: 'added', id: 'gamma-lab', title: 'Gamma Lab', file: 'HEAD:plan/projects/gamma-lab.yaml', fields: [], links: [{ change: 'added', objective: 'M1.2' }], actuals: [] }] });
    expect(planFigures(outputs).covered).toEqual(['2/3', '3/3']);
  });

  it('a project removed: M1.1 and M2.1 stay covered, progress rests on alpha-hub alone in M1 (90 %) and on nothing in M2', async () => {
    const outputs = await diffOf(0, (plan) => plan.remove('projects/beta-park.yaml'));
    expect(changesIn(outputs.text)).toMatchInlineSnapshot(`
      "Projects: 1 removed; coverage 66.7% → 66.7%; progress 63.3% → 90%.

      Projects
        - beta-park Beta Park (HEAD~1:plan/projects/beta-park.yaml)
      "
    `);
    expect(movedFigures(outputs)).toEqual([['Plan', '66.7% (2/3)', '66.7% (2/3)', '63.3%', '90%'], ['M1', '50% (1/2)', '50% (1/2)', '76.7%', '90%'], ['M2', '100% (1/1)', '100% (1/1)', '50%', 'n/a']]);
    expectMarkdown(outputs, { 'Projects (1)': [['removed beta-park Beta Park (HEAD~1:plan/projects/beta-park.yaml)']] });
    expectJson(outputs, { projects: [{ change: 'removed', id: 'beta-park', title: 'Beta Park', file: 'HEAD~1:plan/projects/beta-park.yaml', fields: [], links: [], actuals: [] }] });
  });

  it('a project changed: status, period, funding, a link added and weights changed', async () => {
    const outputs = await diffOf(0, (plan) => {
      plan.edit('projects/alpha-hub.yaml', 'status: in_progress', 'status: completed\nperiod: { start: 2025-01-01, end: 2026-06-30 }');
      plan.edit('projects/alpha-hub.yaml', 'amount: 1000', 'amount: 2500');
      plan.edit('projects/alpha-hub.yaml', '  - id: M1.1\n', '  - id: M1.1\n  - id: M1.2\n');
      plan.edit('projects/beta-park.yaml', 'weight: 0.5\n  - id: M2.1\n    weight: 0.5', 'weight: 0.8\n  - id: M2.1\n    weight: 0.2');
    });
    expect(changesIn(outputs.text)).toMatchInlineSnapshot(`
      "Projects: 2 changed; coverage 66.7% → 100%; progress 63.3% → 63.8%.

      Projects
        ~ alpha-hub Alpha Hub (HEAD:plan/projects/alpha-hub.yaml)
            status: in_progress → completed
            period: none → 2025-01-01 – 2026-06-30
            funding: 1000 € → 2500 €
            now links M1.2
        ~ beta-park Beta Park (HEAD:plan/projects/beta-park.yaml)
            weight of M1.1: 0.5 → 0.8
            weight of M2.1: 0.5 → 0.2
      "
    `);
    expect(movedFigures(outputs)).toEqual([['Plan', '66.7% (2/3)', '100% (3/3)', '63.3%', '63.8%'], ['M1', '50% (1/2)', '100% (2/2)', '76.7%', '77.7%']]);
    expectMarkdown(outputs, {
      'Projects (2)': [
        ['changed alpha-hub Alpha Hub (HEAD:plan/projects/alpha-hub.yaml)', 'status: in_progress → completed', 'period: none → 2025-01-01 – 2026-06-30', 'funding: 1000 € → 2500 €', 'now links M1.2'],
        ['changed beta-park Beta Park (HEAD:plan/projects/beta-park.yaml)', 'weight of M1.1: 0.5 → 0.8', 'weight of M2.1: 0.5 → 0.2'],
      ],
    });
    expectJson(outputs, {
      projects: [
        {
          change: 'changed',
          id: 'alpha-hub',
          fields: [
            { field: 'status', before: 'in_progress', after: 'completed' },
            { field: 'period', after: { start: '2025-01-01', end: '2026-06-30' } },
            { field: 'funding', before: 1000, after: 2500 },
          ],
          links: [{ change: 'added', objective: 'M1.2' }],
          actuals: [],
        },
        {
          change: 'changed',
          id: 'beta-park',
          fields: [],
          links: [
            { change: 'reweighted', objective: 'M1.1', before: 0.5, after: 0.8 },
            { change: 'reweighted', objective: 'M2.1', before: 0.5, after: 0.2 },
          ],
          actuals: [],
        },
      ],
    });
  });

  it('a new actual value and a corrected one: listed, and the progress they move', async () => {
    const actuals = ['      - { value: 45, date: 2025-12-01, source: doc }', '      - { value: 90, date: 2026-06-01, source: doc }', '      - { value: 96, date: 2026-09-01, source: doc }'];
    const outputs = await diffOf(0, (plan) => plan.edit('projects/alpha-hub.yaml', /(      - .*\n)+/, `${actuals.join('\n')}\n`));
    expect(changesIn(outputs.text)).toMatchInlineSnapshot(`
      "Projects: 1 changed; coverage 66.7% → 66.7%; progress 63.3% → 65.3%.

      Projects
        ~ alpha-hub Alpha Hub (HEAD:plan/projects/alpha-hub.yaml)
            Utenti serviti (utenti), 2025-12-01: actual corrected 40 persone → 45
            persone
            Utenti serviti (utenti), 2026-09-01: new actual 96 persone
      "
    `);
    expect(movedFigures(outputs)).toEqual([['Plan', '66.7% (2/3)', '66.7% (2/3)', '63.3%', '65.3%'], ['M1', '50% (1/2)', '50% (1/2)', '76.7%', '80.7%']]);
    expectMarkdown(outputs, {
      'Projects (1)': [['changed alpha-hub Alpha Hub (HEAD:plan/projects/alpha-hub.yaml)', 'Utenti serviti (utenti), 2025-12-01: actual corrected 40 persone → 45 persone', 'Utenti serviti (utenti), 2026-09-01: new actual 96 persone']],
    });
    expectJson(outputs, {
      projects: [
        {
          change: 'changed',
          id: 'alpha-hub',
          fields: [],
          links: [],
          actuals: [
            { indicator: 'utenti', name: 'Utenti serviti', unit: 'persone', date: '2025-12-01', before: 40, after: 45 },
            { indicator: 'utenti', name: 'Utenti serviti', unit: 'persone', date: '2026-09-01', after: 96 },
          ],
        },
      ],
    });
    // M1.1: (0.96 × 1 + 0.5 × 0.5) / 1.5 = 0.8067; the plan: (0.8067 + 0.5) / 2 = 0.6533.
    expect(planFigures(outputs).progress.map((progress) => progress!.toFixed(4))).toEqual(['0.6333', '0.6533']);
  });

  it('a DUP link confirmed and a DUP objective removed', async () => {
    const outputs = await diffOf(0, (plan) => {
      plan.edit('dup/015209-sesto-san-giovanni.yaml', '{ objective: M1.2, confirmed: false, score: 0.64 }', '{ objective: M1.2, confirmed: true, score: 0.64 }');
      plan.edit('dup/015209-sesto-san-giovanni.yaml', /  - code: S2\n(    .*\n)+/, '');
    });
    expect(changesIn(outputs.text)).toMatchInlineSnapshot(`
      "DUPs: 1 changed; coverage 66.7% → 100%; progress 63.3% → 63.3%.

      DUPs
        ~ 015209 Sesto San Giovanni (HEAD:plan/dup/015209-sesto-san-giovanni.yaml)
            015209/S1.1 serves M1.2
            DUP objectives removed: S2
      "
    `);
    expect(movedFigures(outputs)).toEqual([['Plan', '66.7% (2/3)', '100% (3/3)', '63.3%', '63.3%'], ['M1', '50% (1/2)', '100% (2/2)', '76.7%', '76.7%']]);
    expectMarkdown(outputs, { 'DUPs (1)': [['changed 015209 Sesto San Giovanni (HEAD:plan/dup/015209-sesto-san-giovanni.yaml)', '015209/S1.1 serves M1.2', 'DUP objectives removed: S2']] });
    expectJson(outputs, {
      dups: [{ change: 'changed', istat: '015209', comune: 'Sesto San Giovanni', file: 'HEAD:plan/dup/015209-sesto-san-giovanni.yaml', links: [{ change: 'added', code: 'S1.1', objective: 'M1.2' }], objectives: { added: [], removed: ['S2'] } }],
    });
  });

  it('a consultation’s votes changed: each objective’s before → after', async () => {
    const outputs = await diffOf(0, (plan) => plan.edit('consultations/nord-milano.yaml', '  - { objective: M1.1, votes: 4 }\n', '  - { objective: M1.1, votes: 6 }\n  - { objective: M1.2, votes: 2 }\n'));
    expect(changesIn(outputs.text)).toMatchInlineSnapshot(`
      "Consultations: 1 changed; coverage 66.7% → 66.7%; progress 63.3% → 63.3%.

      Consultations
        ~ nord-milano Workshop Nord Milano
            votes for M1.1: 4 → 6
            votes for M1.2: – → 2
      "
    `);
    expect(movedFigures(outputs)).toEqual([]);
    expectMarkdown(outputs, { 'Consultations (1)': [['changed nord-milano Workshop Nord Milano', 'votes for M1.1: 4 → 6', 'votes for M1.2: – → 2']] });
    expectJson(outputs, {
      consultations: [
        {
          change: 'changed',
          id: 'nord-milano',
          event: 'Workshop Nord Milano',
          votes: [
            { objective: 'M1.1', before: 4, after: 6 },
            { objective: 'M1.2', after: 2 },
          ],
        },
      ],
    });
  });
});
