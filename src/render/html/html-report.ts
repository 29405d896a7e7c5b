import { createHash } from 'node:crypto';
import { InputError } from '../../core/errors.js';
import type { RuntimeOptions } from 'handlebars';
import { zoneCell, type FundingTotal } from '../../compute/coverage.js';
import type { GapReason, Status } from '../../compute/status.js';
import { contentKey, precompiled } from '../../load/precompiled.js';
import { refuseUnsafe, templateError, WRITING_HELPERS } from '../../load/template-check.js';
import type { TemplateSet, TemplateSource } from '../../load/template-files.js';
import { findingMessage } from '../findings/messages/index.js';
import { fillLabel, type Labels, type ReportLanguage } from '../labels.js';
import { localeFormat, type PluralForms } from '../format.js';
import { fundingBaseText, fundingText } from '../funding.js';
import type { ComuneReportView } from '../report/comune-view.js';
import { zoneMissionComuni } from '../report/comuni-view.js';
import { baseText, headlineSentence, methodRules } from '../report/method.js';
import { actorColumnLabel, columnShare, type ReportView } from '../report/report-view.js';
import { heatLegend, heatmapGrid, progressBar, statusSegments } from './charts.js';
import { firstItems, listCutNote } from './html-lists.js';
import { PartialDeferral, type StreamedPage } from './streamed-page.js';

export interface HtmlReportOptions {
  language: ReportLanguage;
  labels: Labels;
}

type Handlebars = typeof import('handlebars');

/**
 * Render the HTML report from a template set, streamed as it is written (see PartialDeferral): one self-contained file, CSS inline under a
 * Content-Security-Policy that allows nothing else. Every value goes through Handlebars escaping:
 * templates that print unescaped (`{{{ }}}` or `{{& }}`) are refused, and so are templates that call
 * a helper that writes elsewhere (`log`), which the instance does not have either. Prototype
 * properties and methods stay out of reach (Handlebars' defaults, stated at the call).
 */
export async function renderHtmlReport(view: ReportView, templates: TemplateSet, options: HtmlReportOptions): Promise<StreamedPage> {
  const { instance, deferral, renderLayout } = await checkedInstance(templates, templates.layout, options);
  registerReportHelpers(instance, view, options);
  const data = {
    ...view,
    language: options.language,
    labels: options.labels,
    actorColumns: view.actorColumns.map((column) => ({ id: column.id, label: actorColumnLabel(column, options.language) })),
    findings: view.findings.map((finding) => ({ ...finding, message: findingMessage(finding, options.language) })),
  };
  return deferral.page(() => renderLayout(data, RUNTIME_OPTIONS));
}

/** Render the page of one comune from its layout (`comune.hbs`) and the shared partials, under the same rules as the report. */
export async function renderComuneReport(view: ComuneReportView, templates: TemplateSet, options: HtmlReportOptions): Promise<StreamedPage> {
  const { deferral, renderLayout } = await checkedInstance(templates, templates.comuneLayout, options);
  return deferral.page(() => renderLayout({ ...view, language: options.language, labels: options.labels }, RUNTIME_OPTIONS));
}

/** What Handlebars.precompile makes and Handlebars.template runs. */
type TemplateSpecification = Parameters<Handlebars['template']>[0];

/** The build's compiled form of a shipped template (see src/build/precompile-templates.ts): it runs on Handlebars' runtime alone. */
function precompiledTemplate(template: TemplateSource): TemplateSpecification | undefined {
  return precompiled<TemplateSpecification>('templates', contentKey(template.text));
}

/** Prototype properties and methods stay out of the templates' reach (Handlebars' defaults, stated at the call). */
const RUNTIME_OPTIONS: RuntimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

/**
 * A Handlebars instance without writing helpers, holding the partials and the helpers every page
 * uses, once the layout, partials and CSS are checked; with the layout ready to render, and the
 * deferral that renders the partials the layout calls as the page is written. Shipped templates come
 * precompiled and were checked at build time: when all are, only Handlebars' runtime is loaded.
 */
async function checkedInstance(templates: TemplateSet, layout: TemplateSource, options: HtmlReportOptions): Promise<{ instance: Handlebars; deferral: PartialDeferral; renderLayout: GuardedTemplate }> {
  const sources = [layout, ...templates.partials];
  const specs = new Map(sources.map((template) => [template, precompiledTemplate(template)]));
  // The runtime build is the full one without its compiler.
  const handlebars = [...specs.values()].every((spec) => spec !== undefined) ? ((await import('handlebars/runtime.js')).default as unknown as Handlebars) : (await import('handlebars')).default;
  const instance = handlebars.create();
  for (const name of WRITING_HELPERS) instance.unregisterHelper(name);
  for (const template of sources) if (!specs.get(template)) refuseUnsafe(instance, template);
  const deferral = new PartialDeferral();
  for (const partial of templates.partials) instance.registerPartial(partial.name, deferral.deferrable(guarded(instance, partial, specs.get(partial))));
  if (/<\/style/i.test(templates.css.text)) throw new InputError(`${templates.css.displayPath}: the CSS contains "</style", which would end the style element; remove it`);
  registerPageHelpers(instance, templates, options);
  return { instance, deferral, renderLayout: guarded(instance, layout, specs.get(layout)) };
}

/** The Content-Security-Policy of a report: its one style element (by hash) and data: images; no scripts, no requests. */
function contentSecurityPolicy(css: string): string {
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

type GuardedTemplate = (context: unknown, options?: RuntimeOptions) => string;

/** A template, from its precompiled `spec` when it is a shipped one, whose errors name the template and line; an error from a nested partial keeps its own name. */
function guarded(instance: Handlebars, template: TemplateSource, spec: TemplateSpecification | undefined): GuardedTemplate {
  const compiled = spec ? instance.template(spec) : instance.compile(template.text);
  // Handlebars passes partials their runtime options (@root, @index…): hand them on.
  return (context, options) => {
    try {
      return compiled(context, options);
    } catch (error) {
      throw error instanceof InputError ? error : templateError(template, error);
    }
  };
}

/** The helpers of every page: its stylesheet and logo, formatting, labels and progress bars. */
function registerPageHelpers(instance: Handlebars, templates: TemplateSet, { labels }: HtmlReportOptions): void {
  const format = localeFormat(labels.locale, labels.notStated);
  const css = templates.css.text;
  const safe = (html: string) => new instance.SafeString(html);
  registerAll(instance, {
    // The only markup psttm itself inserts unescaped: the checked CSS, and the logo as a data: URL built here.
    css: () => safe(css),
    csp: () => contentSecurityPolicy(css),
    logo: () => (templates.logo ? safe(`<img class="logo" alt="" src="data:${templates.logo.mediaType};base64,${templates.logo.data.toString('base64')}">`) : ''),
    percent: format.percent,
    points: (value: number | null) => format.points(value, labels.pointsUnit),
    signed: format.signed,
    euros: format.euros,
    // A project's own funding (a number, or null when it states none) or a total over several initiatives.
    fundingText: (value: FundingTotal | number | null) => (value === null ? labels.notStated : typeof value === 'number' ? format.euros(value) : fundingText(value, format, labels)),
    number: format.number,
    count: (value: number, noun: PluralForms) => format.count(value, noun),
    longDate: format.longDate,
    shortDate: format.shortDate,
    statusLabel: (status: Status) => labels.status[status],
    gapLabel: (gap: GapReason | undefined) => (gap ? labels.gap[gap] : ''),
    progressBar,
    progressText: (name: string, progress: number | null, expected: number | null, status: Status, gap: GapReason | undefined) =>
      progress === null
        ? fillLabel(labels.charts.noProgress, { name, gap: gap ? labels.gap[gap] : labels.status.no_data })
        : fillLabel(labels.charts.progressOf, { name, progress: format.percent(progress), expected: format.percent(expected), status: labels.status[status] }),
    heatLegend,
    lookupLabel: (group: Record<string, string>, key: string) => (Object.hasOwn(group, key) ? group[key] : key),
    first: firstItems,
    listCut: (list: readonly unknown[] | undefined, limit: unknown) => listCutNote(list, limit, labels, format),
  });
}

/** The helpers of the main report, drawing its charts from the view. */
function registerReportHelpers(instance: Handlebars, view: ReportView, { labels, language }: HtmlReportOptions): void {
  const format = localeFormat(labels.locale, labels.notStated);
  const actorColumnLabels = view.actorColumns.map((column) => actorColumnLabel(column, language));
  const missionIds = view.missions.map((mission) => mission.id);
  const { withData } = view.headline.base;
  registerAll(instance, {
    headlineSentence: () => headlineSentence(view.headline, labels, format),
    headlineBase: () => baseText(view.headline.base, labels),
    expectedBase: () => fillLabel(labels.headline.expectedBase, { withData: String(withData) }),
    fundingBase: () => fundingBaseText(view.headline.funding, labels) ?? '',
    methodRules: () => methodRules(view.thresholds, labels, format),
    statusSegments: () => statusSegments(view.statusCounts),
    statusText: () =>
      fillLabel(labels.charts.statusDistribution, {
        list: view.statusCounts.map(({ status, count }) => `${labels.status[status]} ${format.number(count)}`).join(', '),
      }),
    actorHeatmap: () =>
      heatmapGrid(
        missionIds,
        actorColumnLabels,
        (row, column) => {
          const share = columnShare(view.missions[row]!, view.actorColumns[column]!.id).share;
          return { intensity: share, label: share === null ? labels.charts.notExpected : format.percent(share) };
        },
        { rowLabelWidth: 60, cellWidth: 200, cellHeight: 34, headerHeight: 30 },
      ),
    zoneHeatmap: () => {
      const most = Math.max(1, ...view.zones.flatMap((zone) => zone.missions.map((cell) => cell.projects)));
      return heatmapGrid(
        view.zones.map((zone) => zone.zone),
        missionIds,
        (row, column) => {
          const projects = zoneCell(view.zones[row]!, missionIds[column]!).projects;
          return { intensity: projects / most, label: format.number(projects) };
        },
        { rowLabelWidth: 190, cellWidth: 70, cellHeight: 30, headerHeight: 28 },
      );
    },
    // A zone's comuni serving a mission, as a share of the zone's comuni: "2/5" in the cell.
    dupHeatmap: () => {
      const zones = view.comuni.zones;
      return heatmapGrid(
        zones.map((zone) => zone.zone),
        missionIds,
        (row, column) => {
          const zone = zones[row]!;
          const comuni = zoneMissionComuni(zone, missionIds[column]!);
          return { intensity: zone.comuni === 0 ? null : comuni / zone.comuni, label: `${format.number(comuni)}/${format.number(zone.comuni)}` };
        },
        { rowLabelWidth: 190, cellWidth: 70, cellHeight: 30, headerHeight: 28 },
      );
    },
    zoneMissionComuni,
  });
}

function registerAll(instance: Handlebars, helpers: Record<string, (...args: never[]) => unknown>): void {
  for (const [name, helper] of Object.entries(helpers)) instance.registerHelper(name, helper as (...args: unknown[]) => unknown);
}
