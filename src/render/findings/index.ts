import type { FindingsFormatter } from './findings-report.js';
import type { FindingsFormat } from './formats.js';

/** One formatter per format, each loaded when it is asked for (junit brings in an XML builder): the compiler catches a format without one. */
export const FINDINGS_FORMATTERS: Record<FindingsFormat, () => Promise<FindingsFormatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  github: async () => (await import('./github.js')).github,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  gitlab: async () => (await import('./gitlab.js')).gitlab,
};
