import type { FindingsFormatter } from './findings-report.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const FINDINGS_FORMATS = ['stylish', 'json', 'github', 'sarif', 'junit', 'gitlab'] as const;
export type FindingsFormat = (typeof FINDINGS_FORMATS)[number];

/** One formatter per format: the compiler catches a format without one. */
export const FINDINGS_FORMATTERS: Record<FindingsFormat, FindingsFormatter> = { stylish, json, github, sarif, junit, gitlab };

/** The formats read by CI services, which name files from the repository root (stylish and json keep the working directory). */
export const REPOSITORY_PATH_FORMATS: ReadonlySet<FindingsFormat> = new Set(['github', 'sarif', 'junit', 'gitlab']);
