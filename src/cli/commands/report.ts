import { Option } from 'commander';
import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { displayPath } from '../../io/display-path.js';
import { comuneSlug } from '../../model/reference.js';
import type { OutputFile } from '../../io/write-outputs.js';
import type { PlanLocation } from '../../load/plan-location.js';
import type { Finding } from '../../findings/finding.js';
import type { PlanModel } from '../../model/plan-model.js';
import type { TemplateSet } from '../../load/template-files.js';
import type { HtmlReportOptions } from '../../render/html/html-report.js';
import type { StreamedPage } from '../../render/html/streamed-page.js';
import { LABELS, REPORT_LANGUAGES, type ReportLanguage } from '../../render/labels.js';
import type { ComuneReportView } from '../../render/report/comune-view.js';
import type { ReportView } from '../../render/report/report-view.js';
import { terminalText } from '../../render/terminal/terminal-text.js';
import { addAsOfOption, asOfDate, type AsOfOption } from '../as-of.js';
import type { RegisterCommand } from '../command.js';
import type { Io } from '../io.js';
import { choiceList, parseReportYear, parseText } from '../parse-options.js';
import { requireOutputFolder } from '../output-folder.js';
import { findChromium } from '../chromium.js';
import { addPlanOption, checkPlanAt, findPlan, requireModel, type PlanOption } from '../plan-input.js';
import { requireComune } from '../plan-lookup.js';
import { stepProgress, type StepProgress } from '../progress-bar.js';
import { todayOf } from '../today.js';

const REPORT_FORMATS = ['xlsx', 'html', 'pdf'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];
/** Written when no --format is given: the PDF needs a browser, so it is asked for by name. */
const DEFAULT_FORMATS: readonly ReportFormat[] = ['xlsx', 'html'];

interface ReportOptions extends PlanOption, AsOfOption {
  format: ReportFormat[];
  out: string;
  year?: number;
  lang: ReportLanguage;
  templates?: string;
  title?: string;
  comune?: string;
  chromium?: string;
  force?: boolean;
  json?: boolean;
}

export const registerReport: RegisterCommand = (program, { io, exit }) => {
  addAsOfOption(addPlanOption(program.command('report')))
    .description('write the monitoring report: an Excel workbook and a self-contained HTML page, or a PDF for publication')
    .option('--format <format>', `${REPORT_FORMATS.join(', ')}; repeat or separate with commas (default: ${DEFAULT_FORMATS.join(' and ')})`, collectFormats, [])
    .option('--out <dir>', 'folder to write the reports into', parseText, 'reports')
    .addOption(new Option('--year <yyyy>', 'report on a year: as of 31 December, with the change since the previous year').argParser(parseReportYear).conflicts('asOf'))
    .addOption(new Option('--lang <language>', 'language of the report').choices(REPORT_LANGUAGES).default('it'))
    .option('--templates <dir>', 'templates folder overriding the shipped ones by name (see psttm templates export)', parseText)
    .option('--title <text>', 'title of the report (default: the plan short title)', parseText)
    .option('--comune <istat|name>', "write the short report of one comune instead: its DUP's alignment with the plan and the projects that reach it", parseText)
    .option('--chromium <path>', 'the Chromium or Chrome that prints --format pdf (default: chromium, chromium-browser or google-chrome on PATH)', parseText)
    .option('--force', 'overwrite report files psttm did not write, or that were changed since')
    .option('--json', 'print the written files as JSON')
    .action(async (options: ReportOptions) => exit(await runReport(options, io)));
};

const parseFormats = choiceList(REPORT_FORMATS, 'report format');

function collectFormats(value: string, previous: ReportFormat[]): ReportFormat[] {
  return [...previous, ...parseFormats(value)];
}

/** The formats asked for, in the order they are written: the default ones when none is named. */
function chosenFormats(names: readonly ReportFormat[]): ReportFormat[] {
  return names.length === 0 ? [...DEFAULT_FORMATS] : REPORT_FORMATS.filter((format) => names.includes(format));
}

async function runReport(options: ReportOptions, io: Io): Promise<number> {
  const formats = chosenFormats(options.format);
  const printed = formats.includes('html') || formats.includes('pdf');
  if (options.templates !== undefined && !printed) throw new UsageError('--templates applies to the HTML and PDF reports; add --format html or pdf');
  if (options.chromium !== undefined && !formats.includes('pdf')) throw new UsageError('--chromium applies to the PDF report; add --format pdf');
  const chromium = formats.includes('pdf') ? await findChromium(options.chromium, io) : undefined;
  const outDir = path.resolve(io.cwd, options.out);
  requireOutputFolder(outDir, `--out ${options.out}`, io.cwd);
  const today = todayOf(options, io);
  // Said before the progress bar appears: text written while it is drawn would garble the terminal.
  const location = findPlan(options, io);
  const progress = await stepProgress(io, 3 + formats.length);
  const notices: string[] = [];
  try {
    const { page, stem, asOf, since } = await preparePages(location, today, options, printed, io, progress, notices);
    const files: OutputFile[] = [];
    for (const format of formats) {
      progress.step(`writing ${format}`);
      const file = path.join(outDir, `${stem}-${asOf}.${format}`);
      files.push({ path: file, displayPath: displayPath(file, io.cwd), content: await renderFormat(page, format, chromium) });
    }

    progress.step('saving');
    const { saveReports, MANIFEST_FILE } = await import('../../io/report-manifest.js');
    await saveReports(outDir, files, { force: options.force === true, manifestDisplayPath: displayPath(path.join(outDir, MANIFEST_FILE), io.cwd) });
    // The bar goes before anything else is printed, so the text starts on a clean line.
    progress.stop();
    for (const notice of notices) io.stderr.write(notice);

    if (options.json) {
      const { toJsonText } = await import('../../render/json/plan-json.js');
      io.stdout.write(toJsonText({ asOf, since: since ?? null, language: options.lang, files: files.map((file, index) => ({ format: formats[index], path: file.displayPath })) }));
    } else {
      for (const file of files) io.stdout.write(`${file.displayPath}\n`);
    }
    return 0;
  } finally {
    progress.stop();
  }
}

/** What a run writes: how each format is rendered, the files' stem and the dates. */
interface PreparedPages {
  page: PageRenderer;
  stem: string;
  asOf: string;
  since: string | undefined;
}

/**
 * Read, check and compute the plan and build the view the pages are rendered from. A function of its
 * own so that the plan's files, model and computed figures are let go once the view is built: at
 * national scale they are two thirds of the memory, and the workbook is written after.
 */
async function preparePages(location: PlanLocation, today: string, options: ReportOptions, printed: boolean, io: Io, progress: StepProgress, notices: string[]): Promise<PreparedPages> {
  progress.step('reading the plan');
  const { model, findings } = await modelAndFindings(location, today, io);
  const comune = options.comune === undefined ? undefined : requireComune(model, options.comune, '--comune ');
  const [{ readTemplateSet }, { computeMonitoringReport, yearEnds }, { buildReportView }] = await Promise.all([
    import('../../load/template-files.js'),
    import('../../compute/monitoring-report.js'),
    import('../../render/report/report-view.js'),
  ]);
  // Templates are read and checked before anything is computed, so a broken one fails fast.
  const templates = printed ? readTemplateSet(options.templates, io.cwd) : undefined;
  for (const ignored of templates?.ignored ?? []) notices.push(`psttm: ${terminalText(ignored)} is not a template psttm uses (report.hbs, comune.hbs, report.css, partials/<name>.hbs, logo.svg|png|jpg); ignored
`);

  progress.step('computing');
  const { asOf, since } = options.year === undefined ? { asOf: asOfDate(options, io), since: undefined } : yearEnds(options.year);
  const view = buildReportView(model, computeMonitoringReport(model, asOf, since), findings, { title: options.title, year: options.year });
  const labels = LABELS[options.lang];
  const pageOptions = { language: options.lang, labels };
  const page = comune
    ? comunePage((await import('../../render/report/comune-view.js')).buildComuneView(model, view, comune), templates, pageOptions)
    : monitoringReport(view, templates, pageOptions);
  const stem = comune ? `${labels.comuni.fileStem}-${comune.istat}-${comuneSlug(comune.name)}` : labels.reportFileStem;
  return { page, stem, asOf, since };
}

/**
 * The model of the plan and its findings, without the files as read: their texts, a quarter of the
 * memory at national scale, are let go before anything is computed.
 */
async function modelAndFindings(location: PlanLocation, today: string, io: Io): Promise<{ model: PlanModel; findings: Finding[] }> {
  const check = await checkPlanAt(location, today, io);
  return { model: requireModel(check), findings: check.findings };
}

/** How a page is rendered: its HTML and its workbook, each streamed as it is written; the PDF is its HTML printed by Chromium. */
interface PageRenderer {
  html(): Promise<StreamedPage>;
  xlsx(): Promise<OutputFile['content']>;
}

/** A page's content in one format. */
async function renderFormat(page: PageRenderer, format: ReportFormat, chromium: string | undefined): Promise<OutputFile['content']> {
  if (format !== 'pdf') return page[format]();
  const [{ printPdf }, { pageText }] = await Promise.all([import('../../io/chromium-pdf.js'), import('../../render/html/streamed-page.js')]);
  return printPdf(await pageText(await page.html()), chromium!);
}

/** The monitoring report of the plan. */
function monitoringReport(view: ReportView, templates: TemplateSet | undefined, options: HtmlReportOptions): PageRenderer {
  return {
    async html() {
      const { renderHtmlReport } = await import('../../render/html/html-report.js');
      return renderHtmlReport(view, templates!, options);
    },
    async xlsx() {
      const { streamWorkbook } = await import('../../render/xlsx/workbook.js');
      return { writeTo: (stream) => streamWorkbook(view, options, stream) };
    },
  };
}

/** The page of one comune (`--comune`). */
function comunePage(view: ComuneReportView, templates: TemplateSet | undefined, options: HtmlReportOptions): PageRenderer {
  return {
    async html() {
      const { renderComuneReport } = await import('../../render/html/html-report.js');
      return renderComuneReport(view, templates!, options);
    },
    async xlsx() {
      const { streamComuneWorkbook } = await import('../../render/xlsx/comune-workbook.js');
      return { writeTo: (stream) => streamComuneWorkbook(view, options.labels, stream) };
    },
  };
}
