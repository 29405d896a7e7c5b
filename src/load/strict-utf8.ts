/** Strict UTF-8: invalid bytes throw instead of becoming U+FFFD; a BOM is dropped. Reusable: each decode is independent. */
export const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
