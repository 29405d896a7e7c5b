import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary, repoRoot, type CliResult } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';
import { snapshotTree } from '../helpers/tree-snapshot.ts';

const hostile = (name: string) => path.join(repoRoot, 'test/fixtures/hostile', name);

/** A control character, DEL, a C1 control, a line or paragraph separator or a bidi override: none may reach a reader raw (tab and LF are layout). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Run the built CLI on a copy of the base plan with `fixture` laid over it; the plan folder must come out byte for byte as it went in. */
async function runOnHostilePlan(fixture: string, argv: readonly string[]): Promise<CliResult & { root: string }> {
  const root = tempPlan(hostile(fixture));
  const before = snapshotTree(root);
  const result = await runBinary([...argv, '--plan', root]);
  expect(snapshotTree(root)).toEqual(before);
  return { ...result, root };
}

describe('terminal output shows control characters and bidi overrides from data escaped', () => {
  it.each([
    [['show', 'escape-hub'], 'escape-hub  Hub \\x1b]0;pwned\\x07\\x1b[31mrosso\\x1b[0m'],
    [['show', 'M1'], 'M1  Alpha \\u202eatled\\u202c\nPNRR     M1\nThemes   tema\\x9b31m\n\nMissione\\x1b[2J di prova.\nSeconda riga.'],
    [['show', 'M1.1'], 'M1.1  Primo\\x1b[8m obiettivo\\x08\\x08'],
    [['list', 'projects'], '\\x1b]0;pwned\\x07\\x1b[31mrosso\\x1b[0m'],
    [['list', 'objectives'], 'Primo\\x1b[8m obiettivo\\x08\\x08'],
    [['list', 'missions'], 'Alpha \\u202eatled\\u202c'],
    [['why', 'escape-hub', '--as-of', '2026-11-22'], 'escape-hub: Hub \\x1b]0;pwned\\x07\\x1b[31mrosso\\x1b[0m'],
    [['why', 'escape-hub/imprese', '--as-of', '2026-11-22'], 'escape-hub / imprese: Imprese \\x9b2J\\x08\nquantitative, n\\u2066., should increase'],
    [['why', 'M1.1', '--as-of', '2026-11-22'], 'M1.1: Primo\\x1b[8m obiettivo\\x08\\x08'],
    [['why', 'M1', '--as-of', '2026-11-22'], 'M1: Alpha \\u202eatled\\u202c'],
    [['coverage', '--as-of', '2026-11-22'], 'Alpha \\u202eatled\\u202c'],
    [['progress', '--as-of', '2026-11-22'], 'Primo\\x1b[8m obiettivo\\x08\\x08'],
  ])('psttm %j', async (argv, expected) => {
    const { code, stdout, stderr } = await runOnHostilePlan('terminal-escapes', argv);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(expected);
    expect(stdout).not.toMatch(RAW_CONTROL);
  });

  it('keeps the table columns aligned around escaped text', async () => {
    const { stdout } = await runOnHostilePlan('terminal-escapes', ['list', 'projects']);
    const widths = new Set(stdout.trimEnd().split('\n').map((line) => line.length));
    expect(widths.size).toBe(1);
  });

  it('shows project text escaped line by line, keeping the summary on its own line', async () => {
    const { stdout } = await runOnHostilePlan('terminal-escapes', ['show', 'escape-hub']);
    expect(stdout).toContain('Lead      Ente \\u202eonalim\\u202c (citta_metropolitana)\n');
    expect(stdout).toContain('\nRiga uno\\x0driga due\\u2028fine\n');
    expect(stdout).toContain('  Imprese \\x9b2J\\x08: 5 n\\u2066. (2026-06-30); target 10 by 2027-12-31\n');
    expect(stdout).toContain('  [doc] Fonte \\x1b[1mgrassetto\n');
  });

  it.each([
    [['show', 'escape-hub', '--json'], (json: { title: string }) => json.title, 'Hub \u001b]0;pwned\u0007\u001b[31mrosso\u001b[0m'],
    [['list', 'missions', '--json'], (json: { title: string; themes: string[] }[]) => [json[0]!.title, json[0]!.themes[0]], ['Alpha \u202eatled\u202c', 'tema\u009b31m']],
    [['list', 'projects', '--json'], (json: { lead: { name: string } }[]) => json.find((project) => project.lead.name.startsWith('Ente'))!.lead.name, 'Ente \u202eonalim\u202c'],
  ] as const)('--json escapes C1 controls, U+2028/U+2029 and bidi overrides as \\uXXXX and keeps the data: psttm %j', async (argv, pick, expected) => {
    const { code, stdout } = await runOnHostilePlan('terminal-escapes', argv);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(pick(JSON.parse(stdout))).toEqual(expected);
  });

  it('--json of show escapes the line separator of the summary', async () => {
    const { stdout } = await runOnHostilePlan('terminal-escapes', ['show', 'escape-hub', '--json']);
    expect(stdout).toContain('"summary": "Riga uno\\rriga due\\u2028fine"');
  });
});

describe('findings quoting hostile data are escaped in every format', () => {
  it('stylish', async () => {
    const { code, stdout } = await runOnHostilePlan('finding-escapes', ['validate']);
    expect(code).toBe(1);
    expect(stdout).toContain('status: "done\\u001b]0;pwned\\u0007\\x9b2J\\u202e" is not allowed; use one of:');
    expect(stdout).not.toMatch(RAW_CONTROL);
  });

  it('github: the data cannot end the workflow command or restyle the log', async () => {
    const { code, stdout } = await runOnHostilePlan('finding-escapes', ['validate', '--format', 'github']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^::error file=.*escape-status\.yaml,line=4,col=9,title=psttm SCHEMA_INVALID_VALUE::status: "done\\u001b]0;pwned\\u0007\\x9b2J\\u202e" is not allowed/m);
    expect(stdout).not.toMatch(RAW_CONTROL);
  });

  it('json keeps the message exact, with \\uXXXX escapes', async () => {
    const { code, stdout } = await runOnHostilePlan('finding-escapes', ['validate', '--json']);
    expect(code).toBe(1);
    expect(stdout).not.toMatch(RAW_CONTROL);
    const { findings } = JSON.parse(stdout) as { findings: { code: string; message: string }[] };
    expect(findings.find((finding) => finding.code === 'SCHEMA_INVALID_VALUE')!.message).toMatch(/^status: "done\\u001b]0;pwned\\u0007\u009b2J\u202e" is not allowed/);
  });

  it('an error line that quotes the command line shows it escaped', async () => {
    const { code, stdout, stderr } = await runOnHostilePlan('terminal-escapes', ['show', 'x\u001b[2J\u009b1m']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('psttm: x\\x1b[2J\\x9b1m: no mission, objective or project with that id\n');
  });
});
