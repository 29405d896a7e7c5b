import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { expect } from 'vitest';
import { commitAll, git, initRepository } from '../helpers/git-repository.ts';
import { repoRoot, runBinary, type CliResult } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';
import { snapshotTree } from '../helpers/tree-snapshot.ts';

const fixtures = path.join(repoRoot, 'test/fixtures');
/** Files a change adds (projects/gamma-lab.yaml, missions/m3-gamma.yaml), under the plan's own layout. */
const addedFixtures = path.join(fixtures, 'diff/added');

/** The date every diff is computed as of and run on, so no test depends on the day it runs. */
export const DIFF_DAY = '2026-11-22';

/** A plan in a temporary git repository, with ways to change its files (paths from plan/). */
export interface PlanRepository {
  dir: string;
  /** Replace `search` in a plan file; throws when it is not there, so a change that did not apply cannot pass unseen. */
  edit(file: string, search: string | RegExp, replacement: string): void;
  /** Copy a file of test/fixtures/diff/added into the plan, at the same path. */
  add(file: string): void;
  remove(file: string): void;
  /** Commit everything and return the commit's hash. */
  commit(message: string): string;
}

/**
 * The small valid plan with two DUPs (dup-plan), its projects with an indicator, weights and
 * milestones (monitoring), and a consultation with votes (diff/base), committed on `main`.
 */
export function planRepository(): PlanRepository {
  const dir = tempPlan(path.join(fixtures, 'monitoring'), path.join(fixtures, 'dup-plan'));
  cpSync(path.join(fixtures, 'diff/base'), path.join(dir, 'plan'), { recursive: true });
  initRepository(dir);
  const planFile = (file: string) => path.join(dir, 'plan', file);
  return {
    dir,
    edit(file, search, replacement) {
      const text = readFileSync(planFile(file), 'utf8');
      const edited = text.replace(search, replacement);
      if (edited === text) throw new Error(`${search} is not in ${file}`);
      writeFileSync(planFile(file), edited);
    },
    add: (file) => cpSync(path.join(addedFixtures, file), planFile(file)),
    remove: (file) => rmSync(planFile(file)),
    commit(message) {
      commitAll(dir, message);
      return git(dir, 'rev-parse', 'HEAD').trim();
    },
  };
}

/** What a diff run cannot change: the files outside .git, what git says about them, and the index. */
function repositoryState(dir: string) {
  const files = Object.entries(snapshotTree(dir)).filter(([file]) => !file.startsWith('.git/'));
  const digest = (text: string) => createHash('sha256').update(text).digest('hex');
  return { files, status: git(dir, 'status', '--porcelain'), staged: digest(git(dir, 'diff', '--cached')), index: digest(git(dir, 'ls-files', '--stage')) };
}

export interface DiffOutputs {
  code: number;
  text: string;
  markdown: string;
  json: Record<string, unknown>;
}

/**
 * Run the built `psttm diff …revisions` in the repository in the three formats, as of DIFF_DAY,
 * asserting after each run that the working tree and the index are as they were, and that each
 * format exits with the same code. The CI variables that choose the default base are unset
 * unless `ci` sets them.
 */
export async function diffInAllFormats(dir: string, revisions: readonly string[], ci: { GITHUB_BASE_REF?: string; CI_MERGE_REQUEST_DIFF_BASE_SHA?: string } = {}): Promise<DiffOutputs> {
  const before = repositoryState(dir);
  const run = async (...format: string[]): Promise<CliResult> => {
    const result = await runBinary(['diff', ...revisions, ...format, '--today', DIFF_DAY, '--as-of', DIFF_DAY], { cwd: dir, env: { GITHUB_BASE_REF: undefined, CI_MERGE_REQUEST_DIFF_BASE_SHA: undefined, ...ci } });
    expect(repositoryState(dir)).toEqual(before);
    return result;
  };
  const text = await run();
  const markdown = await run('--format', 'markdown');
  const json = await run('--json');
  expect([markdown.code, json.code]).toEqual([text.code, text.code]);
  return { code: text.code, text: text.stdout, markdown: markdown.stdout, json: JSON.parse(json.stdout) as Record<string, unknown> };
}

/** A diff's Markdown as GitHub renders it (GFM, its HTML kept). */
export function markdownHtml(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/**
 * The parts of a diff's rendered Markdown, as text: the heading, the summary line, the items of each
 * <details> section by its summary (each item its line, then its detail lines), the dangling links and
 * the figures table.
 */
export function markdownOutline(markdown: string) {
  const $ = load(markdownHtml(markdown));
  const textOf = (element: Parameters<typeof $>[0]) => $(element).text().replace(/\s+/g, ' ').trim();
  const itemOf = (item: Parameters<typeof $>[0]) => [textOf($(item).clone().children('ul').remove().end()), ...$(item).find('> ul > li').toArray().map(textOf)];
  const sections = $('details')
    .toArray()
    .filter((details) => $(details).find('table').length === 0)
    .map((details) => [textOf($(details).children('summary')), $(details).find('> ul > li').toArray().map(itemOf)] as const);
  return {
    heading: textOf('h3'),
    summary: textOf($('body > p').first()),
    /** The dangling links, the one list outside the sections. */
    dangling: $('body > ul > li').toArray().map(textOf),
    sections: Object.fromEntries(sections),
    figures: $('table tr').toArray().map((row) => $(row).find('th, td').toArray().map(textOf)),
  };
}
