import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { FINDING_CODES } from '../src/findings/finding-codes.ts';
import { repoRoot } from './helpers/run-cli.ts';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

it('README opens with the two set-up commands, and .ci/run runs the same test command', () => {
  expect(readme).toMatch(/^# psttm\n\n```sh\nnpm ci && npx psttm report\nnpm test\n```/);
  expect(readFileSync(path.join(repoRoot, '.ci/run'), 'utf8')).toMatch(/\nnpm test\n$/);
});

it('README documents every finding code with its severity', () => {
  for (const [code, info] of Object.entries(FINDING_CODES)) expect(readme).toContain(`| \`${code}\` | ${info.severity} |`);
});
