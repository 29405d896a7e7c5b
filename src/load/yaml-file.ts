import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import { RunError } from '../cli/errors.js';
import { describeFsError } from '../io/fs-errors.js';
import type { Finding } from '../validate/finding.js';
import { FINDING_CODES, type FindingCode } from '../validate/finding-codes.js';
import { STRICT_UTF8 } from './strict-utf8.js';

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
  /** The parsed document with positions and comments (parsed on first use); undefined when the bytes are not text. */
  readonly doc: Document.Parsed | undefined;
  readonly lineCounter: LineCounter;
  /** The plain data, or undefined when the file is not usable YAML (see `findings`). */
  data: unknown;
  /** Encoding and syntax problems found while reading. */
  findings: Finding[];
}

/**
 * Read and parse a file. Synchronously: for thousands of small files this is several times faster
 * than going through the thread pool, and the CLI has nothing else to do meanwhile.
 */
export function readYamlFile(absPath: string, displayPath: string): YamlFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absPath);
  } catch (error) {
    throw new RunError(`cannot read ${displayPath}: ${describeFsError(error)}`);
  }
  return parseYamlBytes(bytes, absPath, displayPath);
}

export function parseYamlBytes(bytes: Uint8Array, absPath: string, displayPath: string): YamlFile {
  const lineCounter = new LineCounter();
  const unreadable = (code: FindingCode, message: string): YamlFile => ({
    absPath,
    displayPath,
    text: '',
    doc: undefined,
    lineCounter,
    data: undefined,
    findings: [fileFinding(code, message, displayPath, 1, 1)],
  });
  if (bytes.includes(0)) {
    return unreadable('FILE_BINARY', 'the file contains NUL bytes; save it as a UTF-8 YAML text file');
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    return unreadable('FILE_NOT_UTF8', 'the file is not valid UTF-8; save it with UTF-8 encoding');
  }
  const file = parseYamlText(text, absPath, displayPath, lineCounter);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) file.bom = true;
  return file;
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

/**
 * js-yaml parses about ten times faster than the yaml library's Document API (which keeps positions
 * and comments), so well-formed files are read with it; its core schema matches YAML 1.2's, as the
 * slow path's does (dates stay strings).
 */
function loadFast(text: string): { data: unknown } | undefined {
  try {
    return { data: load(text, { schema: CORE_SCHEMA }) };
  } catch {
    return undefined;
  }
}

function parseWithPositions(text: string, absPath: string, displayPath: string, lineCounter: LineCounter): YamlFile {
  // YAML 1.1 tags (!!timestamp, !!binary, !!set, !!omap, !!pairs) stay unresolved, as in js-yaml's core schema.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, resolveKnownTags: false });
  const problems = [...doc.errors, ...doc.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED')];
  const findings: Finding[] = problems.map((error) => {
    const position = error.linePos?.[0] ?? { line: 1, col: 1 };
    if (error.code === 'TAG_RESOLVE_FAILED') return fileFinding('YAML_UNSUPPORTED_TAG', tagMessage(error.message), displayPath, position.line, position.col);
    const code = error.code === 'DUPLICATE_KEY' ? 'YAML_DUPLICATE_KEY' : 'YAML_SYNTAX';
    return fileFinding(code, firstLineOf(error.message), displayPath, position.line, position.col);
  });
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

function fileFinding(code: FindingCode, message: string, file: string, line: number, column: number): Finding {
  return { code, severity: FINDING_CODES[code].severity, message, file, line, column, path: '' };
}

/** What to do about a tag: `Unresolved tag: tag:yaml.org,2002:timestamp` names `!!timestamp`. */
function tagMessage(message: string): string {
  const tag = (/tag: (\S+?)(?: at line|$)/m.exec(firstLineOf(message))?.[1] ?? 'here').replace(/^tag:yaml\.org,2002:/, '!!');
  return `psttm does not read the YAML tag ${tag}; remove it and write the value plainly (a date as 2025-12-31, a list as [a, b]), in quotes if it must stay text`;
}

/** yaml's pretty errors append " at line L, column C:" and a code excerpt; positions are kept apart. */
function firstLineOf(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
