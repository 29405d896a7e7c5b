import { CORE_SCHEMA, load } from 'js-yaml';
import type { CST, Document, LineCounter } from 'yaml';
import type { FindingArgs } from '../findings/finding-args.js';
import type { FindingCode } from '../findings/finding-codes.js';
import { makeFinding, type Finding } from '../findings/finding.js';
import { fastSpanLocator } from './fast-positions.js';
import { spanBetween, type DataPath, type Span } from './positions.js';
import type { SourceFile } from './source/plan-source.js';
import { STRICT_UTF8 } from './strict-utf8.js';
import { findExpansionExcess, firstTooDeepOffset, MAX_NESTING_DEPTH, maxExpandedSize, type ExpansionExcess } from './yaml-limits.js';
import { yamlLibrary } from './yaml-library.js';

/** How many alias expansions a file may make before it is refused as an alias bomb. */
const MAX_ALIAS_COUNT = 1000;

/** A YAML file as read from disk: its text, its parsed document with positions, and its data. */
export interface YamlFile {
  absPath: string;
  /** Path as shown in findings. */
  displayPath: string;
  text: string;
  /** The file begins with a UTF-8 byte order mark, which `text` leaves out; an edit writes it back. */
  bom?: boolean;
  /** The parsed document with positions and comments (parsed on first use); undefined when the bytes are not text or nest too deep. */
  readonly doc: Document.Parsed | undefined;
  readonly lineCounter: LineCounter;
  /** The span of a data path from js-yaml's events, when they can tell it (see fast-positions.ts); locateSpan tries it before the document. */
  fastSpan?(path: DataPath, target: 'key' | 'value'): Span | undefined;
  /** The plain data, or undefined when the file is not usable YAML (see `findings`). */
  data: unknown;
  /** Encoding and syntax problems found while reading. */
  findings: Finding[];
}

/**
 * Parse a file read from a plan source. A special file (a named pipe, a device, a folder, a link in
 * a git revision) or a file above the size limit is a finding, not a hang.
 */
export function readYamlFile({ absPath, displayPath, content }: SourceFile): YamlFile {
  const refusal = content.refusal;
  if (refusal) {
    const finding = refusal.reason === 'not-regular' ? fileFinding('FILE_NOT_REGULAR', { kind: refusal.kind }, displayPath) : fileFinding('FILE_TOO_LARGE', { limit: refusal.limit }, displayPath);
    return unreadableFile(finding, absPath, displayPath);
  }
  return parseYamlBytes(content.bytes, absPath, displayPath);
}

export function parseYamlBytes(bytes: Uint8Array, absPath: string, displayPath: string): YamlFile {
  if (bytes.includes(0)) {
    return unreadableFile(fileFinding('FILE_BINARY', {}, displayPath), absPath, displayPath);
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    return unreadableFile(fileFinding('FILE_NOT_UTF8', {}, displayPath), absPath, displayPath);
  }
  const file = parseYamlText(text, absPath, displayPath);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) file.bom = true;
  return file;
}

/** A file whose bytes cannot be parsed as YAML: one finding, at its start. */
function unreadableFile(finding: Finding, absPath: string, displayPath: string): YamlFile {
  return { absPath, displayPath, text: '', doc: undefined, lineCounter: new (yamlLibrary().LineCounter)(), data: undefined, findings: [finding] };
}

function parseYamlText(text: string, absPath: string, displayPath: string): YamlFile {
  const fast = NEEDS_SLOW_PATH.test(text) ? undefined : loadFast(text);
  if (fast) {
    // Positions and comments are parsed only when asked for: by findings on this file (from js-yaml's events when they tell), or by an edit.
    let slow: YamlFile | undefined;
    const positions = () => (slow ??= parseWithPositions(text, absPath, displayPath));
    let locator: ReturnType<typeof fastSpanLocator> | undefined;
    return {
      absPath,
      displayPath,
      text,
      data: fast.data,
      findings: [],
      fastSpan(path, target) {
        locator ??= fastSpanLocator(text, FAST_LOAD_OPTIONS);
        return locator?.(path, target);
      },
      get doc() {
        return positions().doc;
      },
      get lineCounter() {
        return positions().lineCounter;
      },
    };
  }
  return parseWithPositions(text, absPath, displayPath);
}

/**
 * Files with anchors, aliases or tags, and anything js-yaml refuses, take the slow path, which
 * bounds alias expansion and reports every problem with its position; so tags are judged by one
 * parser only.
 */
const NEEDS_SLOW_PATH = /(^|[\s,[{:-])[&*!][^\s,\]}]/m;

/** js-yaml's maxDepth option is missing from @types/js-yaml, hence an object, not a literal. */
const FAST_LOAD_OPTIONS = { schema: CORE_SCHEMA, maxDepth: MAX_NESTING_DEPTH };

/**
 * js-yaml parses about ten times faster than the yaml library's Document API (which keeps positions
 * and comments), so well-formed files are read with it; its core schema matches YAML 1.2's, as the
 * slow path's does (dates stay strings). Its maxDepth counts nesting at least as deep as
 * firstTooDeepOffset does, so a file nested too deep fails here and takes the slow path, which reports it.
 */
function loadFast(text: string): { data: unknown } | undefined {
  try {
    return { data: load(text, FAST_LOAD_OPTIONS) };
  } catch {
    return undefined;
  }
}

function parseWithPositions(text: string, absPath: string, displayPath: string): YamlFile {
  const { LineCounter, Parser } = yamlLibrary();
  const lineCounter = new LineCounter();
  // The yaml library composes documents recursively: a file nested too deep is refused before that,
  // on the syntax tree its parser builds with a stack of its own.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const tooDeep = firstTooDeepOffset(tokens);
  if (tooDeep !== undefined) {
    const finding = fileFinding('YAML_NESTING_LIMIT', { case: 'values', limit: MAX_NESTING_DEPTH }, displayPath, spanBetween(lineCounter, tooDeep));
    return { absPath, displayPath, text, doc: undefined, lineCounter, data: undefined, findings: [finding] };
  }
  const doc = composeDocument(tokens, text.length);
  const problems = [...doc.errors, ...doc.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED')];
  const findings: Finding[] = problems.map((error) => {
    const span = spanBetween(lineCounter, Math.max(0, error.pos[0]), Math.max(0, error.pos[1]));
    if (error.code === 'TAG_RESOLVE_FAILED') return fileFinding('YAML_UNSUPPORTED_TAG', { tag: tagOf(error.message) }, displayPath, span);
    const code = error.code === 'DUPLICATE_KEY' ? 'YAML_DUPLICATE_KEY' : 'YAML_SYNTAX';
    return fileFinding(code, { detail: firstLineOf(error.message) }, displayPath, span);
  });
  const excess = findings.length === 0 ? findExpansionExcess(doc, text.length) : undefined;
  if (excess) findings.push(expansionFinding(excess, lineCounter, displayPath, text.length));
  let data: unknown;
  if (findings.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      findings.push(aliasFinding(doc, lineCounter, displayPath, error));
    }
  }
  return { absPath, displayPath, text, doc, lineCounter, data, findings };
}

/**
 * What parseDocument does after parsing, on the syntax tree already parsed (parsing it again would
 * double the time and the memory): the first document, and an error if the file holds more.
 */
function composeDocument(tokens: readonly CST.Token[], textLength: number): Document.Parsed {
  const { Composer, YAMLParseError } = yamlLibrary();
  // YAML 1.1 tags (!!timestamp, !!binary, !!set, !!omap, !!pairs) stay unresolved, as in js-yaml's core schema.
  const [first, second] = new Composer({ uniqueKeys: true, resolveKnownTags: false }).compose(tokens, true, textLength);
  // With forceDoc, compose always yields a document, if only an empty one.
  const doc = first!;
  if (second) doc.errors.push(new YAMLParseError([second.range[0], second.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
  return doc;
}

/** The yaml library reports alias bombs and dangling aliases as ReferenceErrors from toJS. */
function aliasFinding(doc: Document.Parsed, lineCounter: LineCounter, displayPath: string, error: ReferenceError): Finding {
  let offset = 0;
  const { visit } = yamlLibrary();
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  const span = spanBetween(lineCounter, offset);
  return /excessive alias count/i.test(error.message)
    ? fileFinding('YAML_ALIAS_LIMIT', { limit: MAX_ALIAS_COUNT }, displayPath, span)
    : fileFinding('YAML_UNRESOLVED_ALIAS', { detail: firstLineOf(error.message) }, displayPath, span);
}

function expansionFinding(excess: ExpansionExcess, lineCounter: LineCounter, displayPath: string, textLength: number): Finding {
  const span = spanBetween(lineCounter, excess.offset);
  if (excess.reason === 'depth') {
    return fileFinding('YAML_NESTING_LIMIT', { case: 'alias', limit: MAX_NESTING_DEPTH }, displayPath, span);
  }
  const args = excess.reason === 'cycle' ? { case: 'cycle' as const } : { case: 'size' as const, limit: maxExpandedSize(textLength) };
  return fileFinding('YAML_EXPANSION_LIMIT', args, displayPath, span);
}

/** The whole file, for findings about its bytes: line 1, column 1. */
const WHOLE_FILE: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** A finding on the file's text, not on a data path. */
function fileFinding<C extends FindingCode>(code: C, args: FindingArgs[C], file: string, span = WHOLE_FILE): Finding {
  return makeFinding(code, args, { file, ...span, path: '' });
}

/** The tag the yaml library could not resolve: `Unresolved tag: tag:yaml.org,2002:timestamp` names `!!timestamp`. */
function tagOf(message: string): string {
  return (/tag: (\S+?)(?: at line|$)/m.exec(firstLineOf(message))?.[1] ?? 'here').replace(/^tag:yaml\.org,2002:/, '!!');
}

/** Findings hold one line of message; positions are kept apart. */
function firstLineOf(message: string): string {
  return message.split('\n')[0] ?? message;
}
