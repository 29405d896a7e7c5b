// A seeded synthetic portfolio for benchmarks: the shipped plan with N generated projects. Not plan data.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/**
 * Deterministic 32-bit PRNG (mulberry32): the same seed always gives the same portfolio.
 * @param {number} seed
 */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEADS = [
  { kind: 'citta_metropolitana', name: 'Città metropolitana di Milano' },
  { kind: 'comune', name: 'Comune sintetico' },
  { kind: 'corpo_intermedio', name: 'Ente sintetico' },
];
/** The n-th of many synthetic leads, of each kind in turn. */
const numberedLead = (/** @type {number} */ n) => {
  const { kind, name } = /** @type {(typeof LEADS)[number]} */ (LEADS[n % LEADS.length]);
  return { kind, name: `${name} ${String(n + 1).padStart(3, '0')}` };
};
const FUNDING = ['pnrr', 'fesr', 'regionale', 'metropolitano', 'comunale', 'privato'];

/**
 * Write a plan folder at `dir`: the shipped plan.yaml, missions and reference data, and
 * `projectCount` projects, each with two indicators of five dated actuals (10 measurements).
 * @param {string} dir
 * @param {string} shippedPlan
 * @param {number} projectCount
 * @param {number} seed
 * @param {number} [leadCount] spread the projects over this many leads, named `<kind's name> <n>`, in turn (default: the three of LEADS at random)
 */
export function writeSyntheticPlan(dir, shippedPlan, projectCount, seed, leadCount) {
  const next = random(seed);
  const pick = (/** @type {readonly any[]} */ items) => items[Math.floor(next() * items.length)];
  mkdirSync(path.join(dir, 'projects'), { recursive: true });
  for (const part of ['plan.yaml', 'missions', 'reference']) cpSync(path.join(shippedPlan, part), path.join(dir, part), { recursive: true });
  const missionFiles = readdirSync(path.join(shippedPlan, 'missions'));
  /** @type {{id: string, actors: Record<string, boolean>}[]} */
  const objectives = missionFiles.flatMap((file) => parse(readFileSync(path.join(shippedPlan, 'missions', file), 'utf8')).objectives);
  const columnOfLead = { citta_metropolitana: 'citta_metropolitana', comune: 'comuni', corpo_intermedio: 'corpi_intermedi' };
  const comuni = readFileSync(path.join(shippedPlan, 'reference', 'comuni.csv'), 'utf8').split('\n').slice(1).filter(Boolean).map((line) => line.split(',')[0]);
  for (let index = 0; index < projectCount; index++) {
    const id = `sintetico-${String(index).padStart(6, '0')}`;
    const lead = leadCount === undefined ? pick(LEADS) : numberedLead(index % leadCount);
    const istat = pick(comuni);
    // A valid portfolio: each link goes to an objective that marks the lead's actor column.
    const fitting = objectives.filter((objective) => objective.actors[columnOfLead[/** @type {keyof typeof columnOfLead} */ (lead.kind)]]);
    const links = [...new Set([pick(fitting).id, pick(fitting).id])].map((id) => ({ id }));
    const indicator = (/** @type {string} */ name) => {
      const baseline = Math.round(next() * 100);
      const target = baseline + Math.round(next() * 200) - 50;
      return {
        id: name,
        name: `Indicatore ${name}`,
        unit: 'n',
        kind: 'quantitative',
        direction: target >= baseline ? 'increase' : 'decrease',
        baseline: { value: baseline, date: '2025-01-01' },
        targets: [{ value: target, date: '2027-12-31' }],
        actuals: [1, 2, 3, 4, 5].map((step) => ({ value: Math.round(baseline + (target - baseline) * next()), date: `${step <= 2 ? 2025 : 2026}-${String(step * 2).padStart(2, '0')}-15`, source: 'sintesi' })),
      };
    };
    const project = {
      id,
      title: `Progetto sintetico ${index}`,
      status: pick(['planned', 'in_progress', 'in_progress', 'completed']),
      lead: lead.kind === 'comune' ? { ...lead, istat } : lead,
      territory: next() < 0.5 ? { scope: 'comuni', comuni: [istat] } : { scope: 'metropolitan' },
      period: { start: '2025-01-01' },
      funding: [{ source: pick(FUNDING), amount: Math.round(next() * 5_000_000) }],
      objectives: links,
      indicators: [indicator('prima'), indicator('seconda')],
      milestones: [{ title: 'Avvio', due: '2025-06-30', done: '2025-06-15' }],
      sources: [{ id: 'sintesi', title: 'Synthetic benchmark data (not plan data)' }],
      updated: '2026-11-01',
    };
    writeFileSync(path.join(dir, 'projects', `${id}.yaml`), stringify(project));
  }
}
