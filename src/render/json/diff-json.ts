import type { PlanDiff } from '../../compute/diff/plan-diff.js';
import type { Finding } from '../../findings/finding.js';
import type { DiffSides } from '../diff/diff-view.js';
import { findingMessage } from '../findings/messages/index.js';

/**
 * The JSON shape of `psttm diff --json` (documented in the README; stable): the two sides, the
 * changes record by record as the diff computes them (keys that do not apply are left out), the
 * figures before and after (null when either side has errors) and the dangling links.
 */
export function diffJson(diff: PlanDiff, dangling: readonly Finding[], sides: DiffSides, figuresNote: string | undefined) {
  return {
    base: sides.base,
    head: sides.head,
    missions: diff.missions,
    objectives: diff.objectives,
    projects: diff.projects,
    dups: diff.dups,
    consultations: diff.consultations,
    figures: diff.figures ?? null,
    figuresNote: figuresNote ?? null,
    danglingLinks: dangling.map((finding) => ({ file: finding.file, line: finding.line, column: finding.column, code: finding.code, args: finding.args, message: findingMessage(finding, 'en') })),
  };
}
