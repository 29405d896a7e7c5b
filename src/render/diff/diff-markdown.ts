import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow, Text } from 'mdast';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import { terminalText } from '../terminal/terminal-text.js';
import type { DiffItem, DiffView, FigureRow } from './diff-view.js';
import type { RichText } from './rich-text.js';

const CHANGE_WORDS: Record<DiffItem['change'], string> = { added: 'added', removed: 'removed', changed: 'changed', renumbered: 'renumbered' };

/**
 * The longest comment psttm writes: GitHub refuses one over 65,536 characters, and this leaves room for
 * what a workflow wraps around it.
 */
const COMMENT_LIMIT = 60_000;

/**
 * The diff as a pull-request comment: a heading and the summary line, then one collapsible
 * section per kind of record, the figures table, and the dangling links. Built as a Markdown
 * syntax tree and serialised by mdast-util-to-markdown, which escapes every text it is given.
 * A diff too long for a comment lists the first items of each list, halving them until it fits,
 * and says how many more there are; the summary and the figures are always whole.
 */
export function diffMarkdown(view: DiffView): string {
  const longest = Math.max(view.dangling.length, ...view.sections.map((section) => section.items.length));
  for (let shown = longest; ; shown = Math.floor(shown / 2)) {
    const markdown = renderMarkdown(view, shown);
    if (markdown.length <= COMMENT_LIMIT || shown === 0) return markdown;
  }
}

/** The comment with at most `shown` items of each list. */
function renderMarkdown(view: DiffView, shown: number): string {
  const children: RootContent[] = [
    { type: 'heading', depth: 3, children: [text(`psttm diff ${view.sides}`)] },
    { type: 'paragraph', children: [text(view.summary)] },
  ];
  if (view.dangling.length > 0) {
    const links = view.dangling.slice(0, shown).map((link) => listItem([{ type: 'inlineCode', value: link.where }, text(` ${link.message}`)], []));
    children.push(
      { type: 'paragraph', children: [{ type: 'strong', children: [text('Dangling links: this change removes objectives that these links still name.')] }] },
      { type: 'list', ordered: false, spread: false, children: [...links, ...notShown(view.dangling.length - links.length)] },
    );
  }
  for (const section of view.sections) {
    const items = section.items.slice(0, shown).map(itemNode);
    children.push(...collapsible(`${section.title} (${section.items.length})`, [{ type: 'list', ordered: false, spread: false, children: [...items, ...notShown(section.items.length - items.length)] }]));
  }
  if (view.figures) {
    children.push(...collapsible(`Figures as of ${view.figures.asOf}`, [figuresTable(view.figures.rows)]));
  } else if (view.figuresNote) {
    children.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [text(view.figuresNote)] }] });
  }
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { extensions: [gfmTableToMarkdown(), gfmStrikethroughToMarkdown()], bullet: '-' });
}

/** The last item of a list cut to fit a comment: how many more there are, and where to read them all. */
function notShown(count: number): ListItem[] {
  if (count <= 0) return [];
  return [listItem([{ type: 'emphasis', children: [text(`… and ${count} more, left out to keep this comment within GitHub's size limit: psttm diff (text or --json) lists them all.`)] }], [])];
}

/** A <details> block: GitHub and GitLab render the Markdown between its tags when blank lines surround it. */
function collapsible(summary: string, content: RootContent[]): RootContent[] {
  // The summary is built from fixed words, counts and dates only, so it needs no HTML escaping.
  return [{ type: 'html', value: `<details><summary>${summary}</summary>` }, ...content, { type: 'html', value: '</details>' }];
}

function itemNode(item: DiffItem): ListItem {
  const line: PhrasingContent[] = [{ type: 'strong', children: [text(CHANGE_WORDS[item.change])] }, text(' '), ...phrasing(item.line)];
  return listItem(line, item.details.map(phrasing));
}

function listItem(line: PhrasingContent[], details: PhrasingContent[][]): ListItem {
  const children: (Paragraph | List)[] = [{ type: 'paragraph', children: line }];
  if (details.length > 0) children.push({ type: 'list', ordered: false, spread: false, children: details.map((detail) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: detail }] })) });
  return { type: 'listItem', spread: false, children };
}

/** Ids as code, removed words struck through, added words bold. */
function phrasing(line: RichText): PhrasingContent[] {
  return line.flatMap((span): PhrasingContent[] => {
    if (span.mark === 'id') return [{ type: 'inlineCode', value: span.text }];
    if (span.mark === undefined) return [text(span.text)];
    // Emphasis cannot start or end with a space in Markdown: the spaces around a changed word stay outside it.
    const [, before = '', words = '', after = ''] = /^(\s*)(.*?)(\s*)$/su.exec(span.text) ?? [];
    const marked: PhrasingContent = span.mark === 'removed' ? { type: 'delete', children: [text(words)] } : { type: 'strong', children: [text(words)] };
    const around = (value: string): PhrasingContent[] => (value === '' ? [] : [text(value)]);
    return [...around(before), marked, ...around(after)];
  });
}

/**
 * A text node GitHub shows as it is written: control characters and bidi overrides escaped as on a
 * terminal (`\u202e`), so no title reads reordered, and a zero-width space after each `@` and `#`,
 * which GitHub would otherwise take for a mention (notifying that user or team) or a reference to an
 * issue. A backslash cannot stop it: GitHub finds them in the rendered text, after Markdown has consumed it.
 */
function text(value: string): Text {
  return { type: 'text', value: terminalText(value).replace(/[@#]/g, '$&\u200b') };
}

function figuresTable(rows: readonly FigureRow[]): Table {
  const row = (cells: readonly string[]): TableRow => ({ type: 'tableRow', children: cells.map((value) => ({ type: 'tableCell', children: [text(value)] })) });
  return {
    type: 'table',
    align: ['left', 'right', 'right', 'right', 'right'],
    children: [row(['', 'Coverage before', 'after', 'Progress before', 'after']), ...rows.map((figure) => row([figure.label, ...figure.coverage, ...figure.progress]))],
  };
}
