import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runInProcess } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const findingsDir = path.join(repoRoot, 'test/fixtures/findings');

interface JsonFinding {
  code: string;
  message: string;
  args: unknown;
  file: string;
  line: number;
}

async function findingsIn(root: string, lang: string): Promise<JsonFinding[]> {
  const result = await runInProcess(['validate', '--json', '--lang', lang], { cwd: root });
  return (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
}

describe('validate --lang it on every finding fixture', () => {
  it.each(readdirSync(findingsDir).sort())('%s: the same findings as in English, each with an Italian message', async (name) => {
    const root = tempPlan(path.join(findingsDir, name));
    const english = await findingsIn(root, 'en');
    const italian = await findingsIn(root, 'it');
    expect(italian.length).toBeGreaterThan(0);
    const withoutMessage = ({ message: _message, ...finding }: JsonFinding) => finding;
    expect(italian.map(withoutMessage)).toEqual(english.map(withoutMessage));
    italian.forEach((finding, index) => {
      expect(finding.message).not.toBe(english[index]!.message);
      expect(finding.message).not.toMatch(/undefined|NaN|\[object Object\]|\$\{/);
    });
  });
});
