/** Leak fixtures about data: attachments, the search index, owners and approval bodies, English, controls, shared files. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annexAControl } from '../../src/schemas/annex-a.ts';
import { fixture, listFiles } from '../helpers/index.ts';
import { fixtureBuild, itHoldsNothing, copiesOf, independentFindings, read, scanner } from '../helpers/leaks.ts';

/** A content file of a fixture. */
const source = (name: string, file: string) => path.join(fixture(name), file);

describe('leak-assets: an image and an attachment beside a non-public document, and an unused file', () => {
  const get = fixtureBuild('leak-assets', { editions: ['intranet', 'public'] });
  itHoldsNothing(get, ['dugong'], 'dugong');
  it('copies no non-public file under any name, but does copy the public image (the intranet the private one)', () => {
    const hidden = ['regler/billeder/kort-over-dugongrummet.svg', 'regler/bilag/dugong-noedplan.pdf', 'regler/bilag/dugong-kontakter.csv'];
    expect(
      copiesOf(
        path.join(get().out, 'public'),
        hidden.map((f) => source('leak-assets', f)),
      ),
    ).toEqual([]);
    expect(copiesOf(path.join(get().out, 'public'), [source('leak-assets', 'regler/billeder/offentligt-skilt.svg')])).not.toEqual([]);
    expect(copiesOf(path.join(get().out, 'intranet'), [source('leak-assets', hidden[0]!)])).not.toEqual([]);
  });
});

describe('leak-search: the Pagefind index, fragments and filters', () => {
  const get = fixtureBuild('leak-search', { editions: ['public'] });
  itHoldsNothing(get, ['leguan'], 'leguanvagten');
  it('indexes the public text, which the same search can see inside the compressed index', () => {
    const pub = path.join(get().out, 'public');
    const pagefind = listFiles(pub).filter((f) => /\.pf_(index|fragment|filter|meta)$/.test(f));
    expect(pagefind.some((f) => f.endsWith('.pf_index'))).toBe(true);
    expect(independentFindings(pub, ['solsikkereg']).some((f) => f.includes('.pf_index'))).toBe(true);
    expect(independentFindings(pub, ['solsikkereg']).some((f) => f.includes('.pf_fragment'))).toBe(true);
  });
});

describe('leak-owner-body: an owner and an approval body only non-public documents carry', () => {
  const get = fixtureBuild('leak-owner-body', { editions: ['public'] });
  itHoldsNothing(get, ['skarnbasse', 'Datafortrolighedsudvalget', 'IT-sikkerhedsgruppen', 'mikrodata'], 'skarnbasse');
  it('shows the owner and approval bodies of the public documents', () => {
    const page = read(get().out, 'public/regler/offentlig-regel/index.html');
    expect(page).toContain('Informationssikkerhedskoordinatoren');
    expect(page).toContain('Informationssikkerhedsudvalget');
  });
});

describe('leak-english: a non-public English document beside a public English one', () => {
  const get = fixtureBuild('leak-english', { editions: ['public'] });
  itHoldsNothing(get, ['wombat'], 'wombatvault');
  it('publishes and indexes the public English document in English', () => {
    const pub = path.join(get().out, 'public');
    expect(read(pub, 'politikker/public-statement/index.html')).toMatch(/<html lang="en"/);
    const english = listFiles(pub).filter((f) => /(^|\/)en_[^/]*\.pf_(index|fragment)$/.test(f));
    expect(english.length).toBeGreaterThanOrEqual(2);
    const found = independentFindings(pub, ['entrust']).map((f) => f.split(':')[0]);
    expect(found.filter((f) => english.includes(f!)).length).toBe(2);
  });
});

describe('leak-controls: Annex A controls only a non-public document carries', () => {
  const get = fixtureBuild('leak-controls', { editions: ['public'] });
  const hidden = ['7.4', '8.24', '8.11'].map((id) => annexAControl(id)!.title);
  itHoldsNothing(get, ['ibisfugl', ...hidden], annexAControl('7.4')!.title);
  it('shows the control the public policy carries', () => {
    expect(read(get().out, 'public/politikker/offentlig-politik/index.html')).toContain('5.1');
  });
});

describe('leak-shared-asset: a file both kinds use, an identical copy, and overlapping titles', () => {
  const get = fixtureBuild('leak-shared-asset', { editions: ['public'] });
  itHoldsNothing(get, ['gnuadministrator', 'gnu-hemmelig', 'gnu-plan'], 'gnu hemmelig');
  it('publishes the shared file and the public heading that equals a non-public title, without a false alarm', () => {
    const pub = path.join(get().out, 'public');
    expect(copiesOf(pub, [source('leak-shared-asset', 'regler/billeder/faelles-diagram.svg')])).not.toEqual([]);
    expect(read(pub, 'regler/adgangskoder/index.html')).toContain('Regler for gæstenet');
    const { patterns } = scanner(get().content, pub);
    expect(patterns.map((p) => p.text)).not.toContain('Regler for gæstenet');
    expect(patterns.filter((p) => p.what === 'fil').map((p) => p.source)).toEqual(['content/regler/billeder/gnu-hemmelig.svg']);
  });
});

describe('leak-dispensation: a public policy with an active dispensation and a request against it', () => {
  const get = fixtureBuild('leak-dispensation', { editions: ['intranet', 'public'] });
  itHoldsNothing(get, ['narhval', 'dispensation', 'Udløber'], 'narhvalbassinet');
  it('lists the dispensation on the intranet page of the policy only, and the scanner looks for its text and holder', () => {
    const page = 'politikker/offentlig-politik/index.html';
    expect(read(get().out, `intranet/${page}`)).toContain('Narhvalbassinets besøgende uden ledsager');
    expect(read(get().out, `public/${page}`)).toContain('Besøgende skal altid ledsages');
    const { patterns } = scanner(get().content, path.join(get().out, 'public'));
    const forSource = (file: string) => patterns.filter((p) => p.source === `content/dispensationer/${file}`).map((p) => p.what);
    expect(forSource('narhvalbassinet.mdx')).toEqual(expect.arrayContaining(['titel', 'beskrivelse', 'sætning', 'kontrol']));
    // The holder both share is one pattern, named after the first file.
    expect(forSource('narhval-anmodning.mdx')).toEqual(expect.arrayContaining(['titel', 'ejer', 'sætning']));
    expect(patterns.find((p) => p.what === 'ejer')?.text).toBe('Bygningschefen for Narhvalhuset');
  });
});
