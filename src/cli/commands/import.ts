import { existsSync } from 'node:fs';
import path from 'node:path';
import { FailingFindingsError, UsageError } from '../../core/errors.js';
import { countFindings } from '../../findings/finding.js';
import { displayPath } from '../../io/display-path.js';
import { packageVersion } from '../../io/package-paths.js';
import { DUP_COLUMNS, type DupColumn } from '../../load/spreadsheet/dup-columns.js';
import { comuneSlug } from '../../model/reference.js';
import { FINDINGS_FORMATS, type FindingsFormat } from '../../render/findings/formats.js';
import { chalkFor } from '../color.js';
import type { RegisterCommand } from '../command.js';
import type { Io } from '../io.js';
import { addLanguageOption, chooseLanguage, type LanguageOption } from '../language.js';
import { parseText } from '../parse-options.js';
import { addPlanOption, checkPlanAt, findPlan, requireModel, type PlanOption } from '../plan-input.js';
import { didYouMean, requireComune } from '../plan-lookup.js';
import { schemaReference } from '../schema-reference.js';
import { todayOf } from '../today.js';
import { retryWhenChanged, writeProjectFile } from '../write-project.js';

interface ImportOptions extends PlanOption, LanguageOption {
  comune: string;
  period?: string;
  sheet?: string;
  columns?: Partial<Record<DupColumn, string>>;
  format?: FindingsFormat;
  json?: boolean;
  dryRun?: boolean;
  force?: boolean;
}

export const registerImport: RegisterCommand = (program, { io, exit }) => {
  const command = program.command('import').description('bring data into the plan from a spreadsheet');
  addLanguageOption(addPlanOption(command.command('dup')))
    .description("import a comune's DUP objectives from a spreadsheet (.xlsx or CSV) into plan/dup/, with suggested PSTTM objectives")
    .argument('<file>', 'the spreadsheet: .xlsx, or CSV separated by ; , or tab in UTF-8 or Windows-1252')
    .requiredOption('--comune <istat|name>', 'the comune whose DUP it is: ISTAT code or name', parseText)
    .option('--period <YYYY-YYYY>', "the DUP's years (default: as the file name or the title rows state them)", parsePeriod)
    .option('--sheet <name>', 'the sheet to read (default: the first with a header row)', parseText)
    .option('--columns <field=Header,…>', 'headers of the columns, over the Italian ones psttm knows (fields: code, parent, level, strategico, operativo, title, indirizzo, description, missione, programma, responsabile)', parseColumns)
    .option('--format <format>', `how spreadsheet findings are printed: ${FINDINGS_FORMATS.join(', ')}`, parseFormat)
    .option('--json', 'print what changes as JSON')
    .option('--dry-run', 'print what would change and write nothing')
    .option('--force', 'remove objectives with confirmed links that the sheet no longer has')
    .action(async (file: string, options: ImportOptions) => exit(await retryWhenChanged(() => runImport(file, options, io))));
};

async function runImport(file: string, options: ImportOptions, io: Io): Promise<number> {
  const language = chooseLanguage(options, io.env);
  const today = todayOf(options, io);
  const location = findPlan(options, io, { edits: true });
  const check = await checkPlanAt(location, today, io);
  const model = requireModel(check);
  const comune = requireComune(model, options.comune, '--comune ');
  const absFile = path.resolve(io.cwd, file);
  const fileShown = displayPath(absFile, io.cwd);
  const [{ readRegularFile, READ_LIMITS }, { readSpreadsheet }, { readDupSheet, periodIn }, { importDup }, { dupSuggester }] = await Promise.all([
    import('../../io/bounded-read.js'),
    import('../../load/spreadsheet/spreadsheet-file.js'),
    import('../../load/spreadsheet/dup-sheet.js'),
    import('../../edit/dup-import.js'),
    import('../dup-suggester.js'),
  ]);
  const grids = await readSpreadsheet(readRegularFile(absFile, fileShown, READ_LIMITS.spreadsheet), fileShown);
  const sheet = readDupSheet(grids, fileShown, { sheet: options.sheet, columns: options.columns, budgetMissions: new Set(model.reference.budgetMissions.map((mission) => mission.code)) });
  if (sheet.findings.length > 0) {
    const { FINDINGS_FORMATTERS } = await import('../../render/findings/index.js');
    const counts = countFindings(sheet.findings);
    const report = { tool: { name: 'psttm', version: packageVersion() }, planDir: check.files.source.name, files: [fileShown], findings: sheet.findings, counts, language };
    const formatter = await FINDINGS_FORMATTERS[options.format ?? 'stylish']();
    io.stdout.write(formatter(report, chalkFor(io.stdout, io.env)));
    throw new FailingFindingsError(`nothing written: ${fileShown} has ${counts.errors} error${counts.errors === 1 ? '' : 's'} (above); correct the spreadsheet and import it again`);
  }

  const existing = model.dupByIstat.get(comune.istat);
  const dupFile = existing ? check.files.dups.find((candidate) => candidate.displayPath === existing.file) : undefined;
  const place = dupFile ?? newTarget(location.dir, comune.istat, comune.name, io.cwd);
  const target = { absPath: place.absPath, displayPath: place.displayPath, kind: 'dups' as const };
  const input = {
    comune: { istat: comune.istat, name: comune.name },
    period: options.period ?? periodIn(path.basename(absFile)) ?? sheet.period,
    source: { title: path.basename(absFile), date: check.today },
    objectives: sheet.objectives,
    fields: sheet.fields,
    schemaPath: schemaReference(location.dir, path.dirname(target.absPath), 'dup'),
  };
  const { text, changes } = importDup(dupFile?.text, input, dupSuggester(model), options.force === true);
  const written = !options.dryRun && text !== dupFile?.text;
  if (written) await writeProjectFile(check, target, (dupFile?.bom ? '\uFEFF' : '') + text, io, { force: dupFile !== undefined, editedFrom: dupFile?.text, language });
  if (options.json) {
    const { toJsonText } = await import('../../render/json/plan-json.js');
    io.stdout.write(toJsonText({ file: target.displayPath, created: dupFile === undefined, written, dryRun: options.dryRun === true, ...changes, unchanged: sheet.objectives.length - changes.added.length - changes.changed.length }));
  } else {
    const { importSummary } = await import('../import-summary.js');
    io.stdout.write(importSummary(target.displayPath, changes, { created: dupFile === undefined, written, dryRun: options.dryRun === true, objectives: sheet.objectives.length }, language));
  }
  return 0;
}

/** plan/dup/<istat>-<slug>.yaml for a comune without a DUP file, named as the reports name the comune. */
function newTarget(planDir: string, istat: string, name: string, cwd: string): { absPath: string; displayPath: string } {
  const absPath = path.join(planDir, 'dup', `${istat}-${comuneSlug(name)}.yaml`);
  if (existsSync(absPath)) throw new UsageError(`${displayPath(absPath, cwd)} exists but is not a DUP of the plan; fix it (psttm validate) or move it away`);
  return { absPath, displayPath: displayPath(absPath, cwd) };
}

function parsePeriod(value: string): string {
  const match = /^(\d{4})-(\d{4})$/.exec(value.trim());
  if (!match || Number(match[2]) < Number(match[1])) throw new UsageError(`--period ${value}: expected YYYY-YYYY, the first year not after the second (e.g. 2025-2027)`);
  return match[0];
}

function parseFormat(value: string): FindingsFormat {
  if (!(FINDINGS_FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format ${value}: unknown format${didYouMean(value, FINDINGS_FORMATS)} (formats: ${FINDINGS_FORMATS.join(', ')})`);
  return value as FindingsFormat;
}

/** `title=Obiettivo,missione=Miss.` → field → header; an unknown field is refused with a suggestion. */
function parseColumns(value: string, previous: Partial<Record<DupColumn, string>> = {}): Partial<Record<DupColumn, string>> {
  const fields: readonly string[] = DUP_COLUMNS;
  const columns = { ...previous };
  for (const part of value.split(',')) {
    const [field = '', header] = part.split(/=(.*)/s).map((text) => text.trim());
    if (!fields.includes(field)) throw new UsageError(`--columns ${value}: "${field}" is not a field${didYouMean(field, fields)} (fields: ${fields.join(', ')})`);
    if (!header) throw new UsageError(`--columns ${value}: give the header of ${field} after "="`);
    columns[field as DupColumn] = header;
  }
  return columns;
}
