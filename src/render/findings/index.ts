import type { FindingsFormatter } from './findings-report.js';
import type { FindingsFormat } from './formats.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/** One formatter per format: the compiler catches a format without one. */
export const FINDINGS_FORMATTERS: Record<FindingsFormat, FindingsFormatter> = { stylish, json, github, sarif, junit, gitlab };
