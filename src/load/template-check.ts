import { InputError } from '../core/errors.js';
import type { TemplateSource } from './template-files.js';

type Handlebars = typeof import('handlebars');
type AstNode = { type: string; escaped?: boolean; path?: { type: string; original?: unknown }; loc?: { start: { line: number; column: number } } };

/** Built-in helpers that write outside the report: `log` prints its arguments (plan data) to the console, that is into stdout. */
export const WRITING_HELPERS = ['log'];

/**
 * Refuse a template that prints unescaped (`{{{ }}}` or `{{& }}`) or calls a helper that writes
 * elsewhere (`log`), or that does not parse, naming the template and line. Run on the templates of
 * a report before they are used, and on the shipped ones when they are precompiled at build time.
 */
export function refuseUnsafe(handlebars: Handlebars, template: TemplateSource): void {
  let ast: AstNode;
  try {
    ast = handlebars.parse(template.text) as unknown as AstNode;
  } catch (error) {
    throw templateError(template, error);
  }
  const refused = findRefused(ast);
  if (refused) {
    const { line, column } = refused.node.loc!.start;
    throw new InputError(`${template.displayPath}:${line}:${column + 1}: template "${template.name}" ${refused.reason}`);
  }
}

/** The first statement a template may not hold, anywhere in its tree (blocks, inverses, sub-expressions, hash values). */
function findRefused(node: AstNode): { node: AstNode; reason: string } | undefined {
  if (node.type === 'MustacheStatement' && node.escaped === false) return { node, reason: 'prints a value unescaped ({{{ }}} or {{& }}); use {{ }} so that data is escaped' };
  const helper = node.path?.type === 'PathExpression' ? node.path.original : undefined;
  if (typeof helper === 'string' && WRITING_HELPERS.includes(helper)) return { node, reason: `calls the ${helper} helper, which writes data outside the report; remove it` };
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      const found = isAstNode(child) ? findRefused(child) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

function isAstNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** A template's parse or run error as one line naming the template and where. */
export function templateError(template: TemplateSource, error: unknown): InputError {
  const detail = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(detail.message ?? error);
  const line = detail.lineNumber ?? Number(/on line (\d+)/.exec(message)?.[1] ?? NaN);
  const where = Number.isFinite(line) ? `:${line}${detail.column === undefined ? '' : `:${detail.column + 1}`}` : '';
  const reason = message.split('\n')[0]!.replace(/ - \d+:\d+$/, '');
  const hint = message.includes('\n') ? ` (${message.split('\n').at(-1)})` : '';
  return new InputError(`${template.displayPath}${where}: template "${template.name}" is broken: ${reason}${hint}; fix it or delete it to use the default`);
}
