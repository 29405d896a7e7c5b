import { execFileSync } from 'node:child_process';

export interface PdfInfo {
  title: string;
  pages: number;
  /** The first page's size in points (A4 landscape: 842 × 595). */
  width: number;
  height: number;
}

/** What poppler's pdfinfo says of a PDF file: its title, page count and page size. */
export function pdfInfo(file: string): PdfInfo {
  const fields = new Map(
    execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' })
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1]!, match[2]!]),
  );
  const [width, height] = (/^([\d.]+) x ([\d.]+) pts/.exec(fields.get('Page size') ?? '') ?? []).slice(1).map(Number);
  return { title: fields.get('Title') ?? '', pages: Number(fields.get('Pages')), width: width!, height: height! };
}
