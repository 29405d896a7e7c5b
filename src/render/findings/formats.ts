/**
 * The names of the findings formats, apart from their formatters (index.ts), so that the commands'
 * options and help load without the formatters and the XML builder behind junit.
 */
export const FINDINGS_FORMATS = ['stylish', 'json', 'github', 'sarif', 'junit', 'gitlab'] as const;
export type FindingsFormat = (typeof FINDINGS_FORMATS)[number];

/** The formats read by CI services, which name files from the repository root (stylish and json keep the working directory). */
export const REPOSITORY_PATH_FORMATS: ReadonlySet<FindingsFormat> = new Set(['github', 'sarif', 'junit', 'gitlab']);
