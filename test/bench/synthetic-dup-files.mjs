// Seeded synthetic DUPs for benchmarks: one per comune of the reference, each with N objectives. Not plan data.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse, stringify } from 'yaml';
import { random } from './synthetic-plan.mjs';

// The file names psttm import writes, from the build (npm run bench builds first).
const { comuneSlug } = await import(new URL('../../dist/model/reference.js', import.meta.url).href);

const MISSIONI = ['01', '04', '05', '06', '08', '09', '10', '12', '14', '17'];

/**
 * Write plan/dup/<istat>-<slug>.yaml into the plan folder `dir` for every comune of its reference:
 * `objectiveCount` objectives, one strategic for every four operational, each with three
 * suggestions of which the first is confirmed (a valid DUP: codes unique, parents strategic).
 * @param {string} dir
 * @param {number} objectiveCount
 * @param {number} seed
 */
export function writeSyntheticDups(dir, objectiveCount, seed) {
  const next = random(seed);
  const pick = (/** @type {readonly any[]} */ items) => items[Math.floor(next() * items.length)];
  /** @type {{ istat_code: string, name: string }[]} */
  const comuni = parseCsv(readFileSync(path.join(dir, 'reference', 'comuni.csv')), { columns: true });
  /** @type {string[]} */
  const objectiveIds = readdirYaml(path.join(dir, 'missions')).flatMap((file) => parse(readFileSync(file, 'utf8')).objectives.map((/** @type {{id: string}} */ objective) => objective.id));
  mkdirSync(path.join(dir, 'dup'), { recursive: true });
  for (const comune of comuni) {
    const objectives = [];
    let strategic = '';
    for (let index = 0; index < objectiveCount; index++) {
      const missione = pick(MISSIONI);
      const links = [...new Set([pick(objectiveIds), pick(objectiveIds), pick(objectiveIds)])];
      const psttm = links.map((objective, rank) => ({ objective, confirmed: rank === 0, score: Math.round((0.9 - rank * 0.2) * 100) / 100 }));
      if (index % 5 === 0) {
        strategic = `S${index / 5 + 1}`;
        objectives.push({ code: strategic, level: 'strategico', title: `Obiettivo strategico sintetico ${index}`, missione, psttm });
      } else {
        objectives.push({ code: `${strategic}.${index % 5}`, level: 'operativo', parent: strategic, title: `Obiettivo operativo sintetico ${index}`, missione, programma: `${missione}.0${1 + (index % 3)}`, psttm });
      }
    }
    const data = { comune: { istat: comune.istat_code, name: comune.name }, period: '2025-2027', source: { title: 'sintetico.xlsx', date: '2025-03-01' }, objectives };
    writeFileSync(path.join(dir, 'dup', `${comune.istat_code}-${comuneSlug(comune.name)}.yaml`), stringify(data, { lineWidth: 0 }));
  }
}

/** @param {string} folder */
function readdirYaml(folder) {
  return readdirSync(folder).filter((name) => name.endsWith('.yaml')).map((name) => path.join(folder, name));
}
