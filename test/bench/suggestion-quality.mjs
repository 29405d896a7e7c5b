// Precision of the DUP suggestions on the labelled set (test/fixtures/dup-suggestions/labelled.yaml),
// shared by its test (on src/) and npm run bench (on dist/), each passing its own functions.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * @typedef {{ title: string, description?: string, missione?: string, programma?: string, expected: string[] }} LabelledObjective
 * @typedef {{ objective: string, score: number }} Suggestion
 */

/** @returns {LabelledObjective[]} */
export function readLabelledSet() {
  return parse(readFileSync(new URL('../fixtures/dup-suggestions/labelled.yaml', import.meta.url), 'utf8'));
}

/**
 * precision@1: the share of objectives whose first suggestion is a right one; precision@3: whose
 * first three include one. `misses` lists those without a right one in the first three.
 * @param {(text: LabelledObjective) => Suggestion[]} suggest the top 3 for one labelled objective
 * @param {LabelledObjective[]} labelled
 */
export function measurePrecision(suggest, labelled) {
  let atOne = 0;
  let atThree = 0;
  /** @type {{ title: string, expected: string[], suggested: string[] }[]} */
  const misses = [];
  for (const objective of labelled) {
    const suggested = suggest(objective).map((suggestion) => suggestion.objective);
    if (objective.expected.includes(suggested[0] ?? '')) atOne++;
    if (suggested.some((id) => objective.expected.includes(id))) atThree++;
    else misses.push({ title: objective.title, expected: objective.expected, suggested });
  }
  return { atOne: atOne / labelled.length, atThree: atThree / labelled.length, misses };
}
