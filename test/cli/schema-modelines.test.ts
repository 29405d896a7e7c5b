import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runInProcess } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

/** The `$schema` of a written file's language-server modeline, resolved to an absolute path. */
function modelineTarget(file: string): string {
  const match = /^# yaml-language-server: \$schema=(\S+)\n/.exec(readFileSync(file, 'utf8'));
  expect(match).not.toBeNull();
  return path.resolve(path.dirname(file), match![1]!);
}

/** The small base plan, with the schemas copied beside plan/ as `psttm init` writes them. */
function planWithOwnSchemas(): string {
  const root = tempPlan();
  cpSync(path.join(repoRoot, 'schemas'), path.join(root, 'schemas'), { recursive: true });
  return root;
}

const NEW_PROJECT = ['new', 'project', 'parco-beta', '--title', 'Parco Beta', '--lead-kind', 'corpo_intermedio', '--lead', 'Fondazione Beta'];
const IMPORT_DUP = ['import', 'dup', 'dup.csv', '--comune', 'Abbiategrasso', '--period', '2025-2027'];
/** The commands that create a plan file: what they run, the file they write and its schema. */
const WRITERS = [
  ['new project', NEW_PROJECT, 'plan/projects/parco-beta.yaml', 'project'],
  ['import dup', IMPORT_DUP, 'plan/dup/015002-abbiategrasso.yaml', 'dup'],
] as const;

describe('the modelines of the files psttm writes', () => {
  it.each(WRITERS)('%s names the schema in the repository’s own schemas/ folder, relative to the file', async (_command, argv, written, schema) => {
    const root = planWithOwnSchemas();
    writeFileSync(path.join(root, 'dup.csv'), 'Missione;Obiettivo\n01;Una città digitale\n');
    const result = await runInProcess(argv, { cwd: root });
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(root, written), 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=../../schemas/${schema}.schema.json`);
    expect(modelineTarget(path.join(root, written))).toBe(path.join(root, 'schemas', `${schema}.schema.json`));
  });

  it.each(WRITERS)('%s falls back on the schemas of the installed package when the repository has none', async (_command, argv, written, schema) => {
    const root = tempPlan();
    writeFileSync(path.join(root, 'dup.csv'), 'Missione;Obiettivo\n01;Una città digitale\n');
    const result = await runInProcess(argv, { cwd: root });
    expect(result.code).toBe(0);
    expect(modelineTarget(path.join(root, written))).toBe(path.join(repoRoot, 'schemas', `${schema}.schema.json`));
  });
});
