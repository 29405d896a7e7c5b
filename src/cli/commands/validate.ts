import { realpathSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { countFindings } from '../../findings/finding.js';
import { displayPath } from '../../io/display-path.js';
import { packageVersion } from '../../io/package-paths.js';
import { writeOutputs, type OutputFile } from '../../io/write-outputs.js';
import type { FindingsReport } from '../../render/findings/findings-report.js';
import { FINDINGS_FORMATS, REPOSITORY_PATH_FORMATS, type FindingsFormat } from '../../render/findings/formats.js';
import { chalkFor } from '../color.js';
import type { RegisterCommand } from '../command.js';
import type { Io } from '../io.js';
import { addLanguageOption, chooseLanguage, type LanguageOption } from '../language.js';
import { requireOutputFolder } from '../output-folder.js';
import { collect, parseNonNegativeInteger } from '../parse-options.js';
import { addPlanOption, loadPlan, type PlanOption } from '../plan-input.js';
import { didYouMean } from '../plan-lookup.js';
import { reportFromRoot, repositoryRoot } from '../repository-root.js';

interface ValidateOptions extends PlanOption, LanguageOption {
  format: string[];
  json?: boolean;
  maxWarnings?: number;
  force?: boolean;
}

interface FormatTarget {
  format: FindingsFormat;
  /** Absolute path, or undefined for stdout. */
  file: string | undefined;
  /** The option as given, for messages. */
  option: string;
}

export const registerValidate: RegisterCommand = (program, { io, exit }) => {
  addLanguageOption(addPlanOption(program.command('validate')))
    .description('check the plan: YAML syntax, schemas and plan rules; exit 1 on errors')
    .option('--format <format[=file]>', `${FINDINGS_FORMATS.join(', ')}; repeat for several, =FILE writes to a file`, collect, [])
    .option('--json', 'same as --format json')
    .option('--max-warnings <n>', 'also fail when there are more than N warnings', parseNonNegativeInteger)
    .option('--force', 'overwrite existing --format output files')
    .action(async (options: ValidateOptions) => exit(await runValidate(options, io)));
};

async function runValidate(options: ValidateOptions, io: Io): Promise<number> {
  const targets = parseTargets([...options.format, ...(options.json ? ['json'] : [])], io.cwd);
  const check = await loadPlan(options, io);
  const [{ FINDINGS_FORMATTERS }, { planFilePaths }] = await Promise.all([import('../../render/findings/index.js'), import('../../load/plan-files.js')]);
  const counts = countFindings(check.findings);
  const report: FindingsReport = {
    tool: { name: 'psttm', version: packageVersion() },
    planDir: check.files.source.name,
    files: planFilePaths(check.files),
    findings: check.findings,
    counts,
    language: chooseLanguage(options, io.env),
  };
  // CI services name files from the repository root, found only when a format read by one is asked for.
  const ciReport = targets.some((target) => REPOSITORY_PATH_FORMATS.has(target.format))
    ? reportFromRoot(report, await repositoryRoot(check.files.source.folder ?? io.cwd, io), io.cwd)
    : report;
  const files: OutputFile[] = [];
  for (const target of targets) {
    const chalk = chalkFor(target.file ? {} : io.stdout, io.env);
    const formatter = await FINDINGS_FORMATTERS[target.format]();
    const text = formatter(REPOSITORY_PATH_FORMATS.has(target.format) ? ciReport : report, chalk);
    if (target.file) files.push({ path: target.file, displayPath: displayPath(target.file, io.cwd), content: text });
    else io.stdout.write(text);
  }
  await writeOutputs(files, { force: options.force === true });

  if (counts.errors > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warnings > options.maxWarnings) {
    io.stderr.write(`psttm: ${counts.warnings} warnings exceed --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** `--format FORMAT[=FILE]`, repeatable; stylish on stdout by default; at most one format on stdout. */
function parseTargets(values: readonly string[], cwd: string): FormatTarget[] {
  const targets = (values.length > 0 ? values : ['stylish']).map((value): FormatTarget => {
    const [name = '', file] = value.split(/=(.*)/s);
    if (!(FINDINGS_FORMATS as readonly string[]).includes(name)) {
      throw new UsageError(`--format ${value}: unknown format "${name}"${didYouMean(name, FINDINGS_FORMATS)} (formats: ${FINDINGS_FORMATS.join(', ')})`);
    }
    if (file === '') throw new UsageError(`--format ${value}: name the file after "="`);
    const absPath = file === undefined ? undefined : path.resolve(cwd, file);
    if (absPath !== undefined) requireOutputFolder(path.dirname(absPath), `--format ${value}`, cwd);
    return { format: name as FindingsFormat, file: absPath, option: `--format ${value}` };
  });
  if (targets.filter((target) => target.file === undefined).length > 1) {
    throw new UsageError('only one --format can print to stdout; write the others to files with FORMAT=FILE');
  }
  const seen = new Map<string, FormatTarget>();
  for (const target of targets) {
    if (target.file === undefined) continue;
    const identity = fileIdentity(target.file);
    const earlier = seen.get(identity);
    if (earlier) throw new UsageError(`${target.option}: ${displayPath(target.file, cwd)} is also the file of ${earlier.option}; write each format to its own file`);
    seen.set(identity, target);
  }
  return targets;
}

/** The same file however it is spelled: the real path of its folder (links resolved) when that exists, and its name. */
function fileIdentity(absPath: string): string {
  try {
    return path.join(realpathSync(path.dirname(absPath)), path.basename(absPath));
  } catch {
    return absPath;
  }
}
