import { CORE_SCHEMA, load } from 'js-yaml';
import { Composer, LineCounter, Parser, visit, YAMLParseError, type CST, type Document } from 'yaml';
import { describeRefusal } from '../io/bounded-read.js';
import type { Finding } from '../validate/finding.js';
import { FINDING_CODES, type FindingCode } from '../validate/finding-codes.js';
import type { SourceFile } from './source/plan-source.js';
import { STRICT_UTF8 } from './strict-utf8.js';
import { findExpansionExcess, firstTooDeepOffset, MAX_NESTING_DEPTH, maxExpandedSize, type ExpansionExcess } from './yaml-limits.js';

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
  if (content.refusal) {
    const code = content.refusal.reason === 'not-regular' ? 'FILE_NOT_REGULAR' : 'FILE_TOO_LARGE';
    return unreadableFile(code, `the file ${describeRefusal(content.refusal)}`, absPath, displayPath);
  }
  return parseYamlBytes(content.bytes, absPath, displayPath);
}

export function parseYamlBytes(bytes: Uint8Array, absPath: string, displayPath: string): YamlFile {
  if (bytes.includes(0)) {
    return unreadableFile('FILE_BINARY', 'the file contains NUL bytes; save it as a UTF-8 YAML text file', absPath, displayPath);
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    return unreadableFile('FILE_NOT_UTF8', 'the file is not valid UTF-8; save it with UTF-8 encoding', absPath, displayPath);
  }
  const file = parseYamlText(text, absPath, displayPath, new LineCounter());
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) file.bom = true;
  return file;
}

/** A file whose bytes cannot be parsed as YAML: one finding at its start. */
function unreadableFile(code: FindingCode, message: string, absPath: string, displayPath: string): YamlFile {
  return { absPath, displayPath, text: '', doc: undefined, lineCounter: new LineCounter(), data: undefined, findings: [fileFinding(code, message, displayPath, 1, 1)] };
}

function parseYamlText(text: string, absPath: string, displayPath: string, lineCounter: LineCounter): YamlFile {
  const fast = NEEDS_SLOW_PATH.test(text) ? undefined : loadFast(text);
  if (fast) {
    // Positions and comments are parsed only when asked for: by findings on this file, or by an edit.
    let slow: YamlFile | undefined;
    const positions = () => (slow ??= parseWithPositions(text, absPath, displayPath, lineCounter));
    return {
      absPath,
      displayPath,
      text,
      data: fast.data,
      findings: [],
      get doc() {
        return positions().doc;
      },
      get lineCounter() {
        return positions().lineCounter;
      },
    };
  }
  return parseWithPositions(text, absPath, displayPath, lineCounter);
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

function parseWithPositions(text: string, absPath: string, displayPath: string, lineCounter: LineCounter): YamlFile {
  // The yaml library composes documents recursively: a file nested too deep is refused before that,
  // on the syntax tree its parser builds with a stack of its own.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const tooDeep = firstTooDeepOffset(tokens);
  if (tooDeep !== undefined) {
    const { line, col } = lineCounter.linePos(tooDeep);
    const finding = fileFinding('YAML_NESTING_LIMIT', `the values nest more than ${MAX_NESTING_DEPTH} levels deep; flatten the data`, displayPath, line, col);
    return { absPath, displayPath, text, doc: undefined, lineCounter, data: undefined, findings: [finding] };
  }
  const doc = composeDocument(tokens, text.length);
  const problems = [...doc.errors, ...doc.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED')];
  const findings: Finding[] = problems.map((error) => {
    const { line, col } = lineCounter.linePos(Math.max(0, error.pos[0]));
    if (error.code === 'TAG_RESOLVE_FAILED') return fileFinding('YAML_UNSUPPORTED_TAG', tagMessage(error.message), displayPath, line, col);
    const code = error.code === 'DUPLICATE_KEY' ? 'YAML_DUPLICATE_KEY' : 'YAML_SYNTAX';
    return fileFinding(code, firstLineOf(error.message), displayPath, line, col);
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
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  const { line, col } = lineCounter.linePos(offset);
  return /excessive alias count/i.test(error.message)
    ? fileFinding('YAML_ALIAS_LIMIT', `the file expands more than ${MAX_ALIAS_COUNT} aliases; write the data out instead of nesting aliases`, displayPath, line, col)
    : fileFinding('YAML_UNRESOLVED_ALIAS', firstLineOf(error.message), displayPath, line, col);
}

function expansionFinding(excess: ExpansionExcess, lineCounter: LineCounter, displayPath: string, textLength: number): Finding {
  const { line, col } = lineCounter.linePos(excess.offset);
  if (excess.reason === 'depth') {
    return fileFinding('YAML_NESTING_LIMIT', `this alias nests its anchor's values more than ${MAX_NESTING_DEPTH} levels deep; flatten the data`, displayPath, line, col);
  }
  const message =
    excess.reason === 'cycle'
      ? "this alias is inside the value its anchor names, so it would expand without end; remove it"
      : `the aliases expand the file past ${maxExpandedSize(textLength).toLocaleString('en-US')} characters (10 times its size, at least 1 MiB); write the data out instead of repeating large anchors`;
  return fileFinding('YAML_EXPANSION_LIMIT', message, displayPath, line, col);
}

function fileFinding(code: FindingCode, message: string, file: string, line: number, column: number): Finding {
  return { code, severity: FINDING_CODES[code].severity, message, file, line, column, path: '' };
}

/** What to do about a tag: `Unresolved tag: tag:yaml.org,2002:timestamp` names `!!timestamp`. */
function tagMessage(message: string): string {
  const tag = (/tag: (\S+?)(?: at line|$)/m.exec(firstLineOf(message))?.[1] ?? 'here').replace(/^tag:yaml\.org,2002:/, '!!');
  return `psttm does not read the YAML tag ${tag}; remove it and write the value plainly (a date as 2025-12-31, a list as [a, b]), in quotes if it must stay text`;
}

/** Findings hold one line of message; positions are kept apart. */
function firstLineOf(message: string): string {
  return message.split('\n')[0] ?? message;
}
