import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/**
 * Parse every XML part of an .xlsx (sheets, shared strings, properties…) with a strict XML 1.0 parser.
 * Returns the parts that are not well-formed, with the parser's error: empty when the package is sound.
 */
export async function malformedXmlParts(xlsx: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    try {
      parser.write(await entry.async('string')).close();
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** The names of the parts of an .xlsx, to check that the ones a test depends on exist. */
export async function xlsxParts(xlsx: Buffer): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(xlsx)).files);
}
