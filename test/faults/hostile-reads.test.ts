import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseProjectWithSources, writeBaseProjectSources } from '../helpers/base-project.ts';
import { binaryEnv, binPath, repoRoot, runBinary, type CliResult } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';
import { snapshotTree } from '../helpers/tree-snapshot.ts';

/** Each case spawns the CLI: finishing well inside this proves it did not hang on the input. */
const NO_HANG_MS = 20_000;

interface Finding {
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Run `argv` in `root` and check that the run changed nothing there: no file lost, altered or left behind. */
async function runUnchanged(root: string, argv: readonly string[]): Promise<CliResult> {
  const before = snapshotTree(root);
  const result = await runBinary(argv, { cwd: root });
  expect(snapshotTree(root)).toEqual(before);
  return result;
}

/** `psttm validate --json` in `root`: its exit code and findings, with nothing changed. */
async function validate(root: string): Promise<{ code: number; findings: Finding[] }> {
  const result = await runUnchanged(root, ['validate', '--json', '--plan', '.']);
  const report = JSON.parse(result.stdout) as { findings: Finding[] };
  return { code: result.code, findings: report.findings.map(({ code, file, line, column, message }) => ({ code, file, line, column, message })) };
}

const finding = (code: string, file: string, message: string, line = 1, column = 1): Finding => ({ code, file, line, column, message });
const notRegular = (file: string, what: string) => finding('FILE_NOT_REGULAR', file, `the file is ${what}, not a regular file; replace it with a regular file or remove it`);

const mkfifo = (file: string) => execFileSync('mkfifo', [file]);

describe('special files where plan files are expected are findings, read without blocking', () => {
  it.each(['missions/m3-pipe.yaml', 'projects/pipe.yaml', 'consultations/pipe.yaml'])(
    'a named pipe at plan/%s',
    async (file) => {
      const root = tempPlan();
      mkdirSync(path.dirname(path.join(root, 'plan', file)), { recursive: true });
      mkfifo(path.join(root, 'plan', file));
      expect(await validate(root)).toEqual({ code: 1, findings: [notRegular(`plan/${file}`, 'a named pipe (FIFO)')] });
    },
    NO_HANG_MS,
  );

  it.each(['/dev/zero', '/dev/urandom'])(
    'a project file linking to %s',
    async (device) => {
      const root = tempPlan();
      symlinkSync(device, path.join(root, 'plan/projects/endless.yaml'));
      expect(await validate(root)).toEqual({ code: 1, findings: [notRegular('plan/projects/endless.yaml', 'a character device')] });
    },
    NO_HANG_MS,
  );

  it(
    'a project file that links to itself stops the run naming it',
    async () => {
      const root = tempPlan();
      symlinkSync('loop.yaml', path.join(root, 'plan/projects/loop.yaml'));
      const result = await runUnchanged(root, ['validate', '--plan', '.']);
      expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'psttm: cannot read plan/projects/loop.yaml: a link points back to itself (a link loop)\n' });
    },
    NO_HANG_MS,
  );

  it.each([
    ['a reference CSV', 'plan/reference/comuni.csv', ['validate', '--plan', '.']],
    ['a template', 'templates/report.hbs', ['report', '--plan', '.', '--templates', 'templates', '--as-of', '2026-06-30']],
  ])(
    'a named pipe as %s stops the run naming it, before anything is written',
    async (_what, file, argv) => {
      const root = tempPlan();
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      mkfifo(path.join(root, file));
      expect(await runUnchanged(root, argv)).toMatchObject({
        code: 2,
        stdout: '',
        stderr: `psttm: ${file} is a named pipe (FIFO), not a regular file; replace it with a regular file or remove it\n`,
      });
    },
    NO_HANG_MS,
  );

  it(
    'a named pipe where the missions folder or the templates folder is expected stops the run naming it',
    async () => {
      const root = tempPlan();
      mkfifo(path.join(root, 'templates'));
      expect(await runUnchanged(root, ['report', '--plan', '.', '--templates', 'templates'])).toMatchObject({
        code: 2,
        stdout: '',
        stderr: 'psttm: templates is a named pipe (FIFO); --templates takes a folder (psttm templates export <dir> creates one)\n',
      });
      rmSync(path.join(root, 'plan/missions'), { recursive: true });
      mkfifo(path.join(root, 'plan/missions'));
      expect(await runUnchanged(root, ['validate', '--plan', '.'])).toMatchObject({ code: 2, stdout: '', stderr: 'psttm: cannot list plan/missions: it or a part of its path is not a folder\n' });
    },
    NO_HANG_MS,
  );

  it(
    'a named pipe in the templates folder that is not a template is only reported as unused',
    async () => {
      const root = tempPlan();
      mkdirSync(path.join(root, 'templates'));
      mkfifo(path.join(root, 'templates/notes'));
      const result = await runBinary(['report', '--plan', '.', '--templates', 'templates', '--format', 'html', '--as-of', '2026-06-30'], { cwd: root });
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('psttm: templates/notes is not a template psttm uses');
      expect(result.stdout).toBe('reports/monitoraggio-2026-06-30.html\n');
    },
    NO_HANG_MS,
  );
});

/** The base plan's project with 1,000,000 sources: valid, and 60 MB. */
function hugeValidProject(root: string): string {
  return baseProjectWithSources(root, Array.from({ length: 1_000_000 }, (_, index) => `\n  - id: fonte-${index}\n    title: Fonte numero ${index} del progetto`).join(''));
}

describe('sizes are bounded before anything is parsed', () => {
  it.each([
    ['a project file one byte over 1 MiB', 'big.yaml', () => `# ${'x'.repeat(1024 * 1024 - 2)}\n`],
    ['a valid 60 MB project file with 1,000,000 sources (not loaded until the heap runs out)', 'alpha-hub.yaml', hugeValidProject],
  ])(
    '%s is FILE_TOO_LARGE',
    async (_case, name, content) => {
      const root = tempPlan();
      writeFileSync(path.join(root, 'plan/projects', name), content(root));
      const message = 'the file is larger than 1 MiB, the limit for this kind of file; split it or shorten it';
      expect(await validate(root)).toEqual({ code: 1, findings: [finding('FILE_TOO_LARGE', `plan/projects/${name}`, message)] });
    },
    NO_HANG_MS,
  );
});

describe('findings are bounded too', () => {
  it(
    'a project of 200,000 wrong values gives 101 findings in seconds, not 200,000 in minutes',
    async () => {
      const root = tempPlan();
      writeBaseProjectSources(root, `[${Array(200_000).fill('1').join(',')}]`);
      const result = await runUnchanged(root, ['validate', '--plan', '.']);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('199900 more schema errors from here on are not listed; fix the first 100 and validate again  SCHEMA_ERROR_LIMIT');
      expect(result.stdout).toMatch(/✖ 101 problems \(101 errors, 0 warnings, 0 infos\) in 4 files checked\n$/);
    },
    NO_HANG_MS,
  );
});

describe('YAML work is bounded by what aliases expand to and by nesting', () => {
  it(
    'aliases under the alias count that amplify the file 1000 times are YAML_EXPANSION_LIMIT',
    async () => {
      const root = tempPlan();
      const list = `[${Array(50_000).fill('1').join(',')}]`;
      writeFileSync(path.join(root, 'plan/projects/bomb.yaml'), `id: bomb\na: &a ${list}\nb: [${Array(999).fill('*a').join(', ')}]\n`);
      const message = 'the aliases expand the file past 1,048,576 characters (10 times its size, at least 1 MiB); write the data out instead of repeating large anchors';
      expect(await validate(root)).toEqual({ code: 1, findings: [finding('YAML_EXPANSION_LIMIT', 'plan/projects/bomb.yaml', message, 3, 41)] });
    },
    NO_HANG_MS,
  );

  // The mapping of `id:` is level 1 and its value level 2; each case points at the first node at level 65.
  it.each([
    // The 64th bracket, at column 4 + 64.
    ['flow sequences 100,000 deep', `id: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 1, 68],
    // The key of the 63rd mapping: each `{a: ` takes 4 columns, after the 4 of `id: `.
    ['flow mappings 100,000 deep', `id: ${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`, 1, 254],
    // Line L holds a mapping at level L and its key at level L + 1.
    ['block indentation 1,000 deep', `id:\n${Array.from({ length: 1_000 }, (_, level) => `${' '.repeat(level + 1)}a:`).join('\n')} 1\n`, 64, 64],
    // The 64th sequence: each `- ` takes 2 columns, after the 2 of indentation.
    ['compact sequences 100,000 deep', `id:\n  ${'- '.repeat(100_000)}1\n`, 2, 129],
  ])(
    '%s are YAML_NESTING_LIMIT',
    async (_kind, text, line, column) => {
      const root = tempPlan();
      writeFileSync(path.join(root, 'plan/projects/deep.yaml'), text);
      const message = 'the values nest more than 64 levels deep; flatten the data';
      expect(await validate(root)).toEqual({ code: 1, findings: [finding('YAML_NESTING_LIMIT', 'plan/projects/deep.yaml', message, line, column)] });
    },
    NO_HANG_MS,
  );
});

describe('a plan folder that cannot be read says why', () => {
  it.each([
    ['a folder', (file: string) => mkdirSync(file), 'is a folder, not a regular file; make it the plan\'s YAML file'],
    ['a named pipe', mkfifo, "is a named pipe (FIFO), not a regular file; make it the plan's YAML file"],
    ['a dangling link', (file: string) => symlinkSync('gone.yaml', file), 'is a link to a file that does not exist; fix or remove the link'],
  ])(
    'plan.yaml is %s: the run stops saying so',
    async (_kind, make, problem) => {
      const root = tempPlan();
      rmSync(path.join(root, 'plan/plan.yaml'));
      make(path.join(root, 'plan/plan.yaml'));
      expect(await runUnchanged(root, ['validate', '--plan', '.'])).toMatchObject({ code: 2, stdout: '', stderr: `psttm: --plan .: plan/plan.yaml ${problem}\n` });
      // Found above the working directory, it is not passed over for the shipped plan either.
      expect(await runUnchanged(root, ['validate'])).toMatchObject({ code: 2, stdout: '', stderr: `psttm: plan/plan.yaml ${problem}, or pass --plan DIR\n` });
    },
    NO_HANG_MS,
  );

  it(
    '--plan names a file',
    async () => {
      const root = tempPlan();
      const result = await runUnchanged(root, ['validate', '--plan', 'plan/plan.yaml']);
      expect(result).toMatchObject({ code: 2, stderr: 'psttm: --plan plan/plan.yaml: it is a regular file, not a folder; point --plan at the folder holding plan.yaml\n' });
    },
    NO_HANG_MS,
  );

  // Root reads through any permission, so as root the case runs as the unprivileged user `nobody`, who
  // must be able to reach the built CLI; it is skipped where permissions do not exist (Windows) or
  // where a folder above the repository keeps other users out.
  const nobody = 65534;
  const asRoot = process.getuid?.() === 0;
  const othersReachRepository = () => {
    const folders = [repoRoot];
    while (path.dirname(folders.at(-1)!) !== folders.at(-1)) folders.push(path.dirname(folders.at(-1)!));
    return folders.every((folder) => (statSync(folder).mode & 0o001) !== 0);
  };
  it.skipIf(process.getuid === undefined || (asRoot && !othersReachRepository()))(
    'a plan folder without permissions (chmod 000), for a user other than root',
    async () => {
      const root = tempPlan();
      chmodSync(root, 0o755);
      chmodSync(path.join(root, 'plan'), 0o000);
      const before = snapshotTree(root);
      const asNobody = asRoot ? { uid: nobody, gid: nobody } : {};
      const result = await new Promise<CliResult>((resolve) => {
        execFile(process.execPath, [binPath, 'validate', '--plan', '.'], { cwd: root, env: binaryEnv(), ...asNobody }, (error, stdout, stderr) => {
          resolve({ code: typeof error?.code === 'number' ? error.code : error ? 2 : 0, stdout, stderr });
        });
      });
      chmodSync(path.join(root, 'plan'), 0o755);
      expect(snapshotTree(root)).toEqual(before);
      expect(result).toMatchObject({
        code: 2,
        stdout: '',
        stderr: 'psttm: --plan .: plan/plan.yaml cannot be read: permission denied; check the permissions of the file and of its folders\n',
      });
    },
    NO_HANG_MS,
  );
});
