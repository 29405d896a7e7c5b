import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../src/compute/coverage.ts';
import { countedInitiatives } from '../../src/compute/initiatives.ts';
import { computeProgress } from '../../src/compute/progress.ts';
import { rollUp } from '../../src/compute/roll-up.ts';
import type { ProjectData } from '../../src/model/plan-data.ts';
import { coverageJson, progressJson } from '../../src/render/json/monitoring-json.ts';
import { indicator, project, testModel } from '../helpers/model.ts';

const THRESHOLDS = { on_track_ratio: 0.95, at_risk_ratio: 0.6, min_data_share: 0.5 };
const AS_OF = '2026-01-01';
const date = (from: number, to: number) => fc.integer({ min: from, max: to }).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const BEFORE = date(20_089, 20_454); // 2025-01-01 … 2026-01-01
const AFTER = date(20_455, 21_000); // 2026-01-02 …

const child = fc.record({
  id: fc.string(),
  weight: fc.double({ min: 0, max: 10, noNaN: true }),
  measure: fc.option(fc.record({ progress: fc.double({ min: -5, max: 5, noNaN: true }), expected: fc.double({ min: 0, max: 1, noNaN: true }) }), { nil: undefined }),
  status: fc.constantFrom('on_track' as const, 'stale' as const),
});

const projectArb = fc.record({
  links: fc.subarray(['M1.1', 'M1.2', 'M2.1'], { minLength: 1 }),
  actuals: fc.array(fc.tuple(BEFORE, fc.integer({ min: -50, max: 150 })), { maxLength: 4 }),
  target: fc.integer({ min: -100, max: 300 }),
  milestones: fc.array(fc.record({ title: fc.constant('m'), due: BEFORE, done: fc.option(BEFORE, { nil: undefined }) }), { maxLength: 3 }),
});

type ProjectSpec = typeof projectArb extends fc.Arbitrary<infer T> ? T : never;

function toProjects(specs: ProjectSpec[]): (ProjectData & { file: string })[] {
  return specs.map((spec, index) =>
    project(`p${index}`, {
      objectives: spec.links.map((id) => ({ id })),
      indicators: [indicator(spec.actuals, { targets: [{ value: spec.target, date: '2027-01-01' }] })],
      milestones: spec.milestones.map(({ done, ...milestone }) => (done === undefined ? milestone : { ...milestone, done })),
    }),
  );
}

describe('properties', () => {
  it('a roll-up lies between the smallest and largest progress of the children it counts', () => {
    fc.assert(
      // Many runs: subnormal weights once made the mean underflow out of range.
      fc.property(fc.array(child, { maxLength: 12 }), (children) => {
        const result = rollUp(children, THRESHOLDS);
        const counted = children.filter((item) => item.measure && item.weight > 0).map((item) => item.measure!.progress);
        if (counted.length === 0) return result.measure === undefined;
        const tolerance = 1e-9;
        return result.measure!.progress >= Math.min(...counted) - tolerance && result.measure!.progress <= Math.max(...counted) + tolerance;
      }),
      { numRuns: 20_000 },
    );
  });

  it('data dated after the as-of date changes nothing', () => {
    fc.assert(
      fc.property(fc.array(projectArb, { maxLength: 6 }), fc.array(fc.tuple(AFTER, fc.integer({ min: -50, max: 150 })), { minLength: 1, maxLength: 3 }), AFTER, (specs, later, laterStart) => {
        const projects = toProjects(specs);
        const withLater = projects.map((item) => ({
          ...item,
          indicators: item.indicators!.map((data) => ({ ...data, actuals: [...data.actuals!, ...later.map(([day, value]) => ({ date: day, value, source: 'doc' }))] })),
          milestones: [...(item.milestones ?? []).map((milestone) => ({ ...milestone, done: milestone.done ?? laterStart }))],
        }));
        const notYetStarted = project('late', { period: { start: laterStart }, indicators: [indicator([['2025-06-01', 100]])] });
        const before = testModel(projects);
        const after = testModel([...withLater, notYetStarted]);
        // Compared as the published figures: the reports also carry the raw data, which did change.
        expect(progressJson(computeProgress(after, AS_OF))).toEqual(progressJson(computeProgress(before, AS_OF)));
        expect(coverageJson(computeCoverage(after, countedInitiatives(after, AS_OF), [], AS_OF))).toEqual(coverageJson(computeCoverage(before, countedInitiatives(before, AS_OF), [], AS_OF)));
      }),
    );
  });
});
