/** Control case: internal text planted into a public PDF (compressed, so invisible to a byte search) is found by the leak scan. */
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, listFiles, runScript, tempDir } from '../helpers/index.ts';
import { build, independentFindings, scanner, TODAY, type Built } from '../helpers/leaks.ts';
import { chromiumHere, popplerHere } from '../helpers/pdf.ts';

const CHROMIUM = chromiumHere();
const SENTENCE = 'Mikrodata udleveres kun efter aftale med sekretariatet og efter en konkret vurdering af formålet.';
const POLICY = 'content/politikker/intern-politik.mdx';
const TARGET = 'pdf/politikker/offentlig-politik.pdf';

/** A PDF printed by Chromium (its text in compressed streams) with the given paragraphs. */
async function printPdf(paragraphs: string[]): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent(`<html lang="da"><body>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`);
    return await page.pdf({ format: 'A4', tagged: true });
  } finally {
    await browser.close();
  }
}

describe.skipIf(!CHROMIUM || !popplerHere())('control: a public PDF with internal text fails the leak scan', () => {
  let built: Built;
  let planted: string;
  beforeAll(async () => {
    built = build('leak-owner-body', { env: { HANDBOOK_PDF: '1' } });
    planted = path.join(tempDir('handbook-leak-pdf-'), 'public');
    cpSync(path.join(built.out, 'public'), planted, { recursive: true });
    writeFileSync(path.join(planted, TARGET), await printPdf(['Politikken gælder for alle medarbejdere.', SENTENCE]));
  });
  afterAll(() => cleanup(built.out, path.dirname(planted)));

  it('builds the public PDFs clean: the scan reads them and finds nothing', () => {
    expect(built.result.code, built.result.stderr).toBe(0);
    expect(listFiles(path.join(built.out, 'public')).filter((f) => f.endsWith('.pdf'))).toContain(TARGET);
    expect(scanner(built.content, path.join(built.out, 'public')).hits).toEqual([]);
  });

  it('finds the planted sentence in the PDF, naming the file and the source, where a byte search cannot', () => {
    expect(independentFindings(planted, [SENTENCE])).toEqual([]);
    const { hits } = scanner(built.content, planted);
    const hit = hits.find((h) => h.startsWith(`læk: ${TARGET} indeholder sætning "`));
    // The pattern is the sentence's distinctive part, as the scanner cuts it.
    expect(hit).toMatch(new RegExp(`"[^"]*konkret vurdering af formålet" fra ${POLICY} \\(internt dokument\\)$`));
    expect(SENTENCE).toContain(/"([^"]+)"/.exec(hit!)![1]);
  });

  it('npm run scan-leaks exits 1 on it', () => {
    const result = runScript('scan-leaks', { HANDBOOK_CONTENT: built.content, HANDBOOK_TODAY: TODAY }, [planted]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`læk: ${TARGET} indeholder sætning`);
  });
});
