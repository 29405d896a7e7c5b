import { isDeepStrictEqual } from 'node:util';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { ProjectData } from '../model/plan-data.js';
import type { FormEdit } from '../validate/returned-form.js';
import type { ProjectText } from './objective-links.js';
import { YamlSplicer, type ItemValue } from './yaml-splices.js';

/** The `sources` entry a returned form adds to a project, which each actual from the form cites. */
interface FormSource {
  id: string;
  title: string;
}

/** The edits of one returned form in one project file. */
export interface FormEdits {
  source: FormSource;
  edits: readonly FormEdit[];
}

/**
 * Merge the values of returned forms into a project file's text with minimal edits: new actuals
 * appended to their indicator's list in the style of the ones before (citing the form's source),
 * the form's `sources` entry appended once, changed scalars (a milestone's done date, the status,
 * the end date, a funding amount) replaced in place, and `updated` set to `today`. Every other byte
 * is kept. `data` is the file's data as loaded; the result is parsed again and must hold exactly the data meant, else nothing is returned.
 */
export function mergeFormEdits(file: ProjectText & { data: ProjectData }, forms: readonly FormEdits[], today: string): string {
  const splicer = new YamlSplicer(file.displayPath, file.text);
  const { data } = file;
  const expected = structuredClone(data);
  const appended = new Map<number, ItemValue[]>();
  const newSources: ItemValue[] = [];
  for (const { source, edits } of forms) {
    if (edits.length === 0) continue;
    if (!expected.sources.some((entry) => entry.id === source.id)) {
      newSources.push({ id: source.id, title: source.title });
      expected.sources.push({ ...source });
    }
    for (const edit of edits) applyEdit(splicer, data, expected, appended, edit, source.id);
  }
  for (const [index, items] of appended) splicer.appendItems(['indicators', index, 'actuals'], items, 'flow');
  if (newSources.length > 0) splicer.appendItems(['sources'], newSources, 'block');
  splicer.setScalar(['updated'], today);
  expected.updated = today;
  const text = splicer.text();
  // Read back as psttm reads plan files.
  if (!isDeepStrictEqual(load(text, { schema: CORE_SCHEMA }), expected)) throw new Error(`${file.displayPath}: the merged text does not hold the values meant (a psttm bug); nothing was written`);
  return text;
}

function applyEdit(splicer: YamlSplicer, data: ProjectData, expected: ProjectData, appended: Map<number, ItemValue[]>, edit: FormEdit, sourceId: string): void {
  switch (edit.kind) {
    case 'actual': {
      const index = data.indicators!.findIndex((indicator) => indicator.id === edit.indicator);
      const actual = { value: edit.value, date: edit.date, source: sourceId, ...(edit.note !== undefined && { note: edit.note }) };
      const actuals = (expected.indicators![index]!.actuals ??= []);
      if (edit.replaces === undefined) {
        appended.set(index, [...(appended.get(index) ?? []), actual]);
        actuals.push(actual);
        return;
      }
      const path = ['indicators', index, 'actuals', edit.replaces];
      for (const [key, value] of Object.entries(actual)) if (key !== 'date') splicer.setScalar([...path, key], value);
      Object.assign(actuals[edit.replaces]!, actual);
      return;
    }
    case 'milestone':
      splicer.setScalar(['milestones', edit.position - 1, 'done'], edit.done);
      expected.milestones![edit.position - 1]!.done = edit.done;
      return;
    case 'status':
      splicer.setScalar(['status'], edit.value);
      expected.status = edit.value;
      return;
    case 'end':
      splicer.setScalar(['period', 'end'], edit.value);
      expected.period = { ...expected.period!, end: edit.value };
      return;
    case 'funding':
      splicer.setScalar(['funding', edit.index, 'amount'], edit.amount);
      expected.funding![edit.index]!.amount = edit.amount;
  }
}
