/** HANDBOOK_PDF=1: the PDFs read back with poppler (an independent reader), their pages, metadata, bookmarks and isolation. */
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, copyFixture, fixture, listFiles, runScript, snapshotTree, tempDir, type RunResult } from '../helpers/index.ts';
import { chromiumHere, pdfInfo, pdfLang, pdfLinks, pdfOutline, pdfStructure, pdfText, popplerHere } from '../helpers/pdf.ts';

const CHROMIUM = chromiumHere();
const POPPLER = popplerHere();
if (!CHROMIUM || !POPPLER) {
  console.warn(
    `pdf.test.ts springes over: ${!CHROMIUM ? 'Chromium findes ikke (apt-get install chromium)' : ''} ${!POPPLER ? 'poppler-utils findes ikke (apt-get install poppler-utils)' : ''}`,
  );
}
const TODAY = '2026-06-01';
const POLICY = 'politikker/sikkerhedspolitik';
const SCREEN = 'retningslinjer/skaermlaas';
const INTERNAL = 'retningslinjer/intern-adgang';
/** Text only the internal document has: its title, owner and a sentence. */
const INTERNAL_TEXT = [
  'Intern retningslinje om serverrummet i kælderen',
  'Sekretariatet for Skarnbasse',
  'det grønne skab bag receptionen',
];

const made: string[] = [];
afterAll(() => cleanup(...made));
const build = (out: string, env: Record<string, string> = {}, editions: string[] = []): RunResult =>
  runScript('build', { HANDBOOK_CONTENT: fixture('pdf'), HANDBOOK_OUT: out, HANDBOOK_TODAY: TODAY, HANDBOOK_PDF: '1', ...env }, editions);

describe.skipIf(!CHROMIUM || !POPPLER)('HANDBOOK_PDF=1', () => {
  let out: string;
  let result: RunResult;
  const pdf = (edition: string, id: string) => path.join(out, edition, 'pdf', `${id}.pdf`);
  beforeAll(() => {
    out = tempDir('handbook-pdf-');
    made.push(out);
    result = build(out);
  });

  it('writes pdf/<folder>/<slug>.pdf for every document of each edition and pdf/haandbog.pdf, public ones only for public documents', () => {
    expect(result.code, result.stderr).toBe(0);
    const pdfs = (edition: string) => listFiles(path.join(out, edition)).filter((f) => f.endsWith('.pdf'));
    expect(pdfs('intranet')).toEqual([`pdf/${POLICY}.pdf`, 'pdf/haandbog.pdf', `pdf/${INTERNAL}.pdf`, `pdf/${SCREEN}.pdf`].sort());
    expect(pdfs('public')).toEqual([`pdf/${POLICY}.pdf`, 'pdf/haandbog.pdf', `pdf/${SCREEN}.pdf`].sort());
  });

  it('sets title, author (owner), subject and language, and tags the PDF', () => {
    const info = pdfInfo(pdf('intranet', POLICY));
    expect(info.Title).toBe('Informationssikkerhedspolitik for Fiktiv Styrelse');
    expect(info.Author).toBe('Informationssikkerhedskoordinatoren');
    expect(info.Subject).toBe('Den overordnede politik for informationssikkerhed.');
    expect(info.Tagged).toBe('yes');
    expect(pdfLang(readFileSync(pdf('intranet', POLICY)))).toBe('da');
    // Without a description, the subject names the type and the handbook.
    expect(pdfInfo(pdf('intranet', INTERNAL)).Subject).toBe('Retningslinje · Prøvehåndbogen');
    const book = pdfInfo(pdf('public', 'haandbog'));
    expect([book.Title, book.Author, book.Tagged]).toEqual(['Prøvehåndbogen · Offentlig udgave', 'Fiktiv Styrelse', 'yes']);
  });

  it('prints the document as real text, with its title, version, approval date, next review, page N of M and the uncontrolled-copy line on every page', () => {
    const file = pdf('intranet', POLICY);
    const pages = Number(pdfInfo(file).Pages);
    expect(pages).toBeGreaterThan(2);
    expect(pdfText(file)).toContain('Principperne revideres hvert år, og ændringer godkendes af direktionen, før de træder i kraft.');
    for (let n = 1; n <= pages; n++) {
      const text = pdfText(file, n);
      expect(text, `side ${n}`).toContain(
        'Informationssikkerhedspolitik for Fiktiv Styrelse · Version 2.1 · Godkendt 15. januar 2026 · Næste revision 10. januar 2027',
      );
      expect(text, `side ${n}`).toContain(`side ${n} af ${pages}`);
      expect(text, `side ${n}`).toContain(
        'Udskrevet 1. juni 2026. Udskrevne kopier er ukontrollerede; den gyldige version er den på https://intra.example.dk/haandbog/politikker/sikkerhedspolitik/',
      );
    }
    // The site around the document (navigation, search, footer) is not printed.
    expect(pdfText(file)).not.toContain('Søg i håndbogen');
  });

  it('carries the review banner of a document due for review, and links to the edition’s own addresses', () => {
    expect(pdfText(pdf('intranet', SCREEN), 1)).toContain('Revision snart: Dette dokument skal revideres senest 20. juni 2026.');
    expect(pdfText(pdf('intranet', INTERNAL), 1)).toContain('Revision overskredet:');
    expect(pdfLinks(readFileSync(pdf('intranet', POLICY)))).toEqual(
      expect.arrayContaining(['https://intra.example.dk/haandbog/retningslinjer/skaermlaas/', 'https://www.example.dk/']),
    );
    expect(pdfLinks(readFileSync(pdf('public', POLICY)))).toContain('https://www.example.dk/retningslinjer/skaermlaas/');
  });

  it('haandbog.pdf: cover, contents with the page each document starts on, and a bookmark per document and heading', () => {
    const file = pdf('intranet', 'haandbog');
    expect(pdfText(file, 1)).toMatch(/Fiktiv Styrelse Prøvehåndbogen Intranet · 3 dokumenter Udskrevet 1\. juni 2026/);
    const outline = pdfOutline(file);
    const titles = [
      'Informationssikkerhedspolitik for Fiktiv Styrelse',
      'Intern retningslinje om serverrummet i kælderen',
      'Retningslinje for skærmlås',
    ];
    const contents = pdfText(file, 2);
    let last = 2;
    for (const title of titles) {
      const mark = outline.find((o) => o.title === title);
      expect(mark, `bogmærke for ${title}`).toBeDefined();
      // The contents page names the page the bookmark goes to; each document starts on a new page after the previous.
      expect(contents).toContain(`${title} ${mark!.page}`);
      expect(mark!.page).toBeGreaterThan(last);
      expect(pdfText(file, mark!.page)).toContain(`${title} · Version`);
      last = mark!.page;
    }
    expect(outline.map((o) => o.title)).toEqual(expect.arrayContaining(['Formål', 'Område 8: hændelser', 'Regel', 'Adgang']));
    // Links to a document in the handbook (the contents' too) go to its page inside the PDF; other links keep their address.
    const links = pdfLinks(readFileSync(file));
    for (const id of [POLICY, SCREEN, INTERNAL]) {
      const address = `https://intra.example.dk/haandbog/${id}/`;
      expect(links.filter((l) => l === address || l.startsWith(`${address}#`))).toEqual([]);
    }
    expect(links).toContain('https://www.example.dk/');
    // Every page carries "side N af M" of the whole handbook; a document's pages also their own, as in its own PDF.
    const pages = Number(pdfInfo(file).Pages);
    for (let n = 1; n <= pages; n++) expect(pdfText(file, n)).toContain(`side ${n} af ${pages} · Intranet`);
    const screen = outline.find((o) => o.title === titles[2])!.page;
    expect(pdfText(file, screen)).toContain('side 1 af 1');
    expect(pdfText(file, screen)).toContain('den gyldige version er den på https://intra.example.dk/haandbog/retningslinjer/skaermlaas/');
    // Joined from the documents' PDFs, the structure is one document of parts: the front matter and each document.
    const structure = pdfStructure(file);
    expect(structure.filter((line) => line === '  Part')).toHaveLength(titles.length + 1);
    expect(structure.join('\n')).toContain('det grønne skab bag receptionen');
    // The documents' font programs are in it once: it is smaller than the documents' PDFs together.
    const size = (f: string) => statSync(f).size;
    expect(size(file)).toBeLessThan([POLICY, SCREEN, INTERNAL].reduce((sum, id) => sum + size(pdf('intranet', id)), 0));
  });

  it('public PDFs hold nothing of the internal document, and the public handbook has no bookmark for it', () => {
    for (const file of listFiles(path.join(out, 'public', 'pdf'))) {
      const text = pdfText(path.join(out, 'public', 'pdf', file));
      for (const needle of INTERNAL_TEXT) expect(text, `${file}: ${needle}`).not.toContain(needle);
    }
    expect(pdfOutline(pdf('public', 'haandbog')).map((o) => o.title)).not.toContain(INTERNAL_TEXT[0]);
    expect(pdfText(pdf('intranet', 'haandbog'))).toContain(INTERNAL_TEXT[2]);
  });

  it('document pages link their PDF, and the front page the whole handbook', () => {
    const html = readFileSync(path.join(out, 'intranet', POLICY, 'index.html'), 'utf8');
    expect(html).toMatch(new RegExp(`<a href="/haandbog/pdf/${POLICY}\\.pdf"[^>]*>\\s*Hent som PDF\\s*</a>`));
    expect(readFileSync(path.join(out, 'public', 'index.html'), 'utf8')).toMatch(
      /<a href="\/pdf\/haandbog\.pdf"[^>]*>\s*Hele håndbogen som PDF\s*<\/a>/,
    );
  });

  it('leaves the previous output byte-identical when printing fails half way', () => {
    const before = snapshotTree(out);
    // A Chromium that is killed once the build has begun writing PDFs into a stage (test/helpers/kill-browser.mjs).
    const dir = tempDir('handbook-pdf-kill-');
    made.push(dir);
    const wrapper = path.join(dir, 'chromium');
    const watcher = path.resolve('test/helpers/kill-browser.mjs');
    writeFileSync(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${watcher}" "${path.resolve('.handbook-build')}" "${CHROMIUM}" "$@"\n`);
    chmodSync(wrapper, 0o755);
    const failed = build(out, { CHROMIUM_PATH: wrapper }, ['intranet']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^intranet: PDF-udskrivningen fejlede \(.+\); den tidligere udgave er bevaret$/m);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(out)).toEqual(before);
  });
});

describe.skipIf(!CHROMIUM || !POPPLER)('HANDBOOK_PDF=1, an edition without documents', () => {
  it('prints only the handbook’s cover and contents for a public edition with no public document', () => {
    const content = copyFixture('pdf');
    made.push(path.dirname(content));
    for (const file of listFiles(content).filter((f) => f.endsWith('.mdx'))) {
      const at = path.join(content, file);
      writeFileSync(at, readFileSync(at, 'utf8').replace(/^audience: public\n/m, ''));
    }
    const out = tempDir('handbook-pdf-empty-');
    made.push(out);
    const result = runScript('build', { HANDBOOK_CONTENT: content, HANDBOOK_OUT: out, HANDBOOK_TODAY: TODAY, HANDBOOK_PDF: '1' }, [
      'public',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(listFiles(path.join(out, 'public', 'pdf'))).toEqual(['haandbog.pdf']);
    expect(pdfText(path.join(out, 'public', 'pdf', 'haandbog.pdf'), 1)).toContain('Offentlig udgave · 0 dokumenter');
  });
});

describe('HANDBOOK_PDF=1 without Chromium', () => {
  it('fails at once in one line naming the paths tried and how to install Chromium', () => {
    const out = tempDir('handbook-pdf-none-');
    made.push(out);
    const result = build(out, { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'HANDBOOK_PDF=1: Chromium findes ikke (prøvede /nonexistent/chromium); installer den med apt-get install chromium (hurtigere: chromium-headless-shell), eller peg på en anden med CHROMIUM_PATH',
    );
    expect(listFiles(out)).toEqual([]);
  });
});
