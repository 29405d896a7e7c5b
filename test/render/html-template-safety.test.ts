import { describe, expect, it, vi } from 'vitest';
import { computeMonitoringReport } from '../../src/compute/monitoring-report.ts';
import { InputError } from '../../src/core/errors.ts';
import { readTemplateSet, type TemplateSet } from '../../src/load/template-files.ts';
import { renderHtmlReport } from '../../src/render/html/html-report.ts';
import { pageText } from '../../src/render/html/streamed-page.ts';
import { LABELS } from '../../src/render/labels.ts';
import { buildReportView } from '../../src/render/report/report-view.ts';
import { project, testModel } from '../helpers/model.ts';

const model = testModel([project('a', { title: 'Progetto A' })]);
const view = buildReportView(model, computeMonitoringReport(model, '2026-01-01'), [], { title: undefined, year: undefined });
const options = { language: 'it' as const, labels: LABELS.it };
const shipped = readTemplateSet(undefined, process.cwd());

/** The shipped templates with the layout replaced by `text`. */
function withLayout(text: string): TemplateSet {
  return { ...shipped, layout: { name: 'report', text, displayPath: 'custom/report.hbs' } };
}

async function refusal(templates: TemplateSet): Promise<string> {
  const error = await renderHtmlReport(view, templates, options).then(pageText).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message;
}

describe('templates get no helper that writes outside the report', () => {
  it.each([
    ['a log statement', '<p>\n  {{log title}}</p>', 'custom/report.hbs:2:3'],
    ['log inside a block', '{{#if title}}\n{{#each missions}}{{log id level="error"}}{{/each}}{{/if}}', 'custom/report.hbs:2:19'],
    ['log in a sub-expression', '<p>{{percent (log headline.progress)}}</p>', 'custom/report.hbs:1:14'],
    ['a log block', '{{#log title}}x{{/log}}', 'custom/report.hbs:1:1'],
  ])('refuses %s before rendering anything, naming file, line and column', async (_, text, where) => {
    const info = vi.spyOn(console, 'info');
    const log = vi.spyOn(console, 'log');
    expect(await refusal(withLayout(text))).toBe(`${where}: template "report" calls the log helper, which writes data outside the report; remove it`);
    expect(info).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  it('refuses log in a partial too', async () => {
    const partials = [...shipped.partials, { name: 'extra', text: '{{log title}}', displayPath: 'custom/partials/extra.hbs' }];
    expect(await refusal({ ...shipped, partials })).toBe('custom/partials/extra.hbs:1:1: template "extra" calls the log helper, which writes data outside the report; remove it');
  });

  it('still lets data named log through as a value', async () => {
    const html = await pageText(await renderHtmlReport({ ...view, title: 'Registro' }, withLayout('{{#with title as |log|}}<h1>{{log.length}}</h1>{{/with}}'), options));
    expect(html).toBe('<h1>8</h1>');
  });

  it('keeps prototype properties and methods out of reach', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const html = await pageText(await renderHtmlReport(view, withLayout('[{{constructor.name}}][{{lookup this "__proto__"}}][{{title.constructor}}][{{lookup title "toString"}}]'), options));
    expect(html).toBe('[][][][]');
    error.mockRestore();
  });

  it('an unknown helper with arguments is a broken template, not a silent blank', async () => {
    expect(await refusal(withLayout('{{shout title}}'))).toMatch(/^custom\/report\.hbs: template "report" is broken: Missing helper: "shout"/);
  });
});
