/** The text of a PDF for the leak scan, read back with poppler's pdftotext: the same way a reader would see it. */
import { execFileSync } from 'node:child_process';
import { MARGIN } from '../build/pdf/templates.ts';

/** Millimetres in PDF points. */
const pt = (mm: string) => (parseFloat(mm) * 72) / 25.4;
/**
 * The body of an A4 page as the build prints it, without the page margins' header and footer nor the running head
 * under the top margin (about 20 pt): a sentence that runs over a page break then reads as one.
 */
const BODY = [
  '-x',
  '0',
  '-y',
  String(Math.round(pt(MARGIN.top) + 20)),
  '-W',
  '596',
  '-H',
  String(Math.round(843 - pt(MARGIN.top) - 20 - pt(MARGIN.bottom))),
];

/** Runs pdftotext on PDF bytes given on standard input; one line naming the package when it is missing. */
function pdftotext(args: string[], bytes: Buffer, file: string): string {
  const tool = 'pdftotext';
  try {
    return execFileSync(tool, [...args, '-', '-'], {
      input: bytes,
      maxBuffer: 1 << 28,
      stdio: ['pipe', 'pipe', 'ignore'],
    }).toString('utf8');
  } catch (error) {
    // The build's own PDFs (`pdf/…`) must be read. An attached PDF poppler cannot read (or without poppler) is
    // searched as bytes only, as before PDFs were read back: it is the author's file, published as it is.
    if (!file.startsWith('pdf/')) return '';
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `læk-scanning: ${file} er en PDF, men ${tool} findes ikke, så teksten kan ikke læses; installer poppler-utils (apt-get install poppler-utils)`,
      );
    }
    throw new Error(`læk-scanning: ${file} kan ikke læses som PDF (${tool} fejlede), så den kan ikke scannes`);
  }
}

/** A PDF's text two ways: all of every page with its metadata (title, author, subject… as HTML), and the pages' bodies alone. */
export function pdfTexts(bytes: Buffer, file: string): string[] {
  const enc = ['-q', '-enc', 'UTF-8'];
  return [pdftotext([...enc, '-htmlmeta'], bytes, file), pdftotext([...enc, ...BODY], bytes, file)];
}

/** Stops a build that will print public PDFs at once when they could not be read back: one line naming the package. */
export function requirePdftotext(): void {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      "HANDBOOK_PDF=1: pdftotext findes ikke, så den offentlige udgaves PDF'er kan ikke læk-scannes; installer poppler-utils (apt-get install poppler-utils)",
    );
  }
}
