import type { FindingsFormatter } from './findings-report.js';
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const FINDINGS_FORMATS = ['stylish', 'json', 'github', 'sarif'] as const;
export type FindingsFormat = (typeof FINDINGS_FORMATS)[number];

/** One formatter per format: the compiler catches a format without one. */
export const FINDINGS_FORMATTERS: Record<FindingsFormat, FindingsFormatter> = { stylish, json, github, sarif };
