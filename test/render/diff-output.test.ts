import { Chalk } from 'chalk';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../src/compute/diff/plan-diff.ts';
import { makeFinding } from '../../src/findings/finding.ts';
import { diffMarkdown } from '../../src/render/diff/diff-markdown.ts';
import { diffText } from '../../src/render/diff/diff-text.ts';
import { diffView } from '../../src/render/diff/diff-view.ts';
import type { MissionData } from '../../src/model/plan-data.ts';
import { mission, project, testModel } from '../helpers/model.ts';

const SIDES = { base: 'main (merge-base 1234567)', head: 'working tree' };
const noColor = new Chalk({ level: 0 });

/** M1 whose M1.1 has `title`. */
function plan(title: string): MissionData[] {
  const m1 = mission('M1', [['M1.1', true, true, false], ['M1.2', true, false, false]]);
  m1.objectives[0]!.title = title;
  return [m1];
}

const RETITLE = diffPlans(testModel([], [], plan('Sviluppo delle reti di impresa')), testModel([project('hub', { status: 'completed' })], [], plan('Sviluppo e rafforzamento delle reti')), '2026-01-01');
const DANGLING = [makeFinding('DANGLING_LINK', { objective: 'M1.3', renumbered: 'M1.2' }, { file: 'plan/projects/hub.yaml', line: 9, column: 9, endLine: 9, endColumn: 13, path: 'objectives/0/id' })];

describe('diff text', () => {
  it('marks removed and added words as git --word-diff does, and lists each section', () => {
    const text = diffText(diffView(RETITLE, [], SIDES, undefined), noColor, 100);
    expect(text).toContain('psttm diff main (merge-base 1234567) → working tree\nObjectives: 1 changed; Projects: 1 added; coverage 0% → 50%; progress n/a → n/a.\n');
    expect(text).toContain('  ~ M1.1 Sviluppo e rafforzamento delle reti\n      title: Sviluppo {+e rafforzamento +}delle reti[- di impresa-]\n');
    expect(text).toContain('  + hub Progetto hub (plan/projects/hub.yaml)\n      now links M1.1\n');
    expect(text).toMatch(/│ Plan +│ +0% \(0\/2\) │ +50% \(1\/2\) │/);
  });

  it('ends with the dangling links, file:line:column first', () => {
    const text = diffText(diffView(RETITLE, DANGLING, SIDES, undefined), noColor, 100);
    expect(text).toContain('; 1 dangling link.');
    expect(text).toContain('Dangling links\n  plan/projects/hub.yaml:9:9  error  links to M1.3, which this change removes; if M1.2 is M1.3 renumbered, add "supersedes: [M1.3]" to M1.2, else link an objective of the plan  DANGLING_LINK\n');
  });

  it('says why there are no figures', () => {
    const text = diffText(diffView({ ...RETITLE, figures: undefined }, [], SIDES, 'No figures: the plan has 1 error in working tree (psttm validate lists them).'), noColor, 100);
    expect(text).toContain('\nNo figures: the plan has 1 error in working tree');
    expect(text).not.toContain('coverage');
  });

  it('wraps long lines to the terminal width, further lines indented under their start', () => {
    const long = diffPlans(testModel([], [], plan('A')), testModel([], [], plan('Valorizzazione in chiave metropolitana delle nuove infrastrutture e dei servizi previsti per le Olimpiadi')), undefined);
    const text = diffText(diffView(long, [], SIDES, undefined), noColor, 60);
    expect(text).toContain('  ~ M1.1 Valorizzazione in chiave metropolitana delle nuove\n    infrastrutture e dei servizi previsti per le Olimpiadi\n');
    expect(text).toContain('      title: [-A-]{+Valorizzazione in chiave metropolitana\n      delle nuove infrastrutture e dei servizi previsti per\n      le Olimpiadi+}\n');
  });

  it('neutralises control characters of titles', () => {
    const hostile = diffPlans(testModel([], [], plan('A')), testModel([], [], plan('A\u001b[2J')), undefined);
    expect(diffText(diffView(hostile, [], SIDES, undefined), noColor, 100)).not.toContain('\u001b');
  });
});

describe('diff markdown', () => {
  it('opens with a heading and the summary, then collapsible sections', () => {
    const markdown = diffMarkdown(diffView(RETITLE, DANGLING, SIDES, undefined));
    expect(markdown.split('\n').slice(0, 3)).toEqual(['### psttm diff main (merge-base 1234567) → working tree', '', 'Objectives: 1 changed; Projects: 1 added; coverage 0% → 50%; progress n/a → n/a; 1 dangling link.']);
    expect(markdown).toContain('- `plan/projects/hub.yaml:9:9` links to M1.3, which this change removes;');
    expect(markdown).toContain('<details><summary>Objectives (1)</summary>\n\n- **changed** `M1.1` Sviluppo e rafforzamento delle reti\n  - title: Sviluppo **e rafforzamento** delle reti ~~di impresa~~\n\n</details>');
    expect(markdown).toContain('<details><summary>Figures as of 2026-01-01</summary>');
    expect(markdown).toMatch(/\| Plan +\| +0% \(0\/2\) \| +50% \(1\/2\) \|/);
  });

  it('escapes Markdown and HTML in every text a plan holds', () => {
    const hostile = diffPlans(testModel([], [], plan('A')), testModel([], [], plan('<img src=x onerror=alert(1)> *bold* [x](javascript:y) | `code` &amp; # h')), undefined);
    const markdown = diffMarkdown(diffView(hostile, [], SIDES, undefined));
    // A backslash makes `<` literal text in CommonMark: no tag, no link, no emphasis survives.
    expect(markdown).not.toMatch(/(^|[^\\])<img/m);
    expect(markdown).toContain('\\<img src=x onerror=alert(1)> \\*bold\\* \\[x]\\(javascript:y) | \\`code\\` \\&amp; #\u200b h');
  });

  it('mentions nobody and references no issue on GitHub: a zero-width space after every @ and #, which a backslash cannot do', () => {
    const hostile = diffPlans(testModel([], [], plan('A')), testModel([], [], plan('Per @octocat e @milano/giunta: vedi #12 e comune/piano#34')), undefined);
    const markdown = diffMarkdown(diffView(hostile, [], SIDES, undefined));
    // GitHub finds mentions and references in the rendered text, after Markdown has consumed any backslash.
    expect(markdown).not.toMatch(/[@#]\w/u);
    expect(markdown).toContain('`M1.1` Per @\u200boctocat e @\u200bmilano/giunta: vedi #\u200b12 e comune/piano#\u200b34\n');
  });

  it('shows control characters and bidi overrides escaped, as on a terminal, so a title reads as it is', () => {
    const hostile = diffPlans(testModel([], [], plan('A')), testModel([], [], plan('Piano \u202eotsop\u202c\u0007')), undefined);
    const markdown = diffMarkdown(diffView(hostile, [], SIDES, undefined));
    expect(markdown).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e]/u);
    const html = micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(html).toContain('<code>M1.1</code> Piano \\u202eotsop\\u202c\\x07\n');
  });

  it('renders as GitHub Flavored Markdown meant: details, lists, code, struck and bold words, a table; hostile titles as text', () => {
    const hostile = diffPlans(testModel([], [], plan('Sviluppo delle reti')), testModel([], [], plan('Sviluppo <img src=x onerror=alert(1)> delle *reti*')), '2026-01-01');
    const html = micromark(diffMarkdown(diffView(hostile, DANGLING, SIDES, undefined)), { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(html).toContain('<h3>psttm diff main (merge-base 1234567) → working tree</h3>');
    expect(html).toContain('<details><summary>Objectives (1)</summary>');
    expect(html).toContain('<li><strong>changed</strong> <code>M1.1</code> Sviluppo &lt;img src=x onerror=alert(1)&gt; delle *reti*');
    expect(html).toContain('title: Sviluppo <strong>&lt;img src=x onerror=alert(1)&gt;</strong> delle <strong>*</strong>reti<strong>*</strong>');
    expect(html).toMatch(/<table>[\s\S]*<td align="left">Plan<\/td>[\s\S]*<\/table>/);
    expect(html).not.toContain('<img');
  });
});

describe('a diff too long for a pull-request comment', () => {
  it('lists the first projects of each section, says how many more, and keeps the summary and figures, within 60,000 characters', () => {
    // 2,000 added projects with 100-character titles: about 300,000 characters listed whole.
    const projects = Array.from({ length: 2000 }, (_, index) => project(`progetto-${index}`, { title: `Progetto ${index} ${'x'.repeat(90)}` }));
    const big = diffPlans(testModel([], [], plan('A')), testModel(projects, [], plan('A')), '2026-01-01');
    const markdown = diffMarkdown(diffView(big, [], SIDES, undefined));
    expect(markdown.length).toBeLessThanOrEqual(60_000);
    expect(markdown).toContain('Projects: 2000 added');
    expect(markdown).toContain('<details><summary>Projects (2000)</summary>');
    // Halved from 2,000 until it fits: 250 shown (about 120 characters a project), 1,750 left out.
    const shown = markdown.match(/^- \*\*added\*\* `progetto-\d+`/gm)!.length;
    expect(shown).toBe(250);
    expect(markdown).toContain(`- *… and ${2000 - shown} more, left out to keep this comment within GitHub's size limit: psttm diff (text or --json) lists them all.*`);
    expect(markdown).toContain('<details><summary>Figures as of 2026-01-01</summary>');
  });
});
