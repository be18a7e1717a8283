/** Leak fixtures about what lists documents: navigation, home, sections, previous/next, drafts, sitemap and 404. */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createStaticServer } from '../../src/lib/build/static-server.ts';
import { securityHeaders } from '../../src/lib/build/security-headers/read.ts';
import { fixtureBuild, itHoldsNothing, independentFindings, read } from '../helpers/leaks.ts';

/** The `href` of the previous/next link on a page, if any. */
const pager = (html: string, rel: 'prev' | 'next') =>
  [...html.matchAll(/<a\b[^>]*>/g)]
    .map((m) => m[0])
    .find((a) => a.includes(`rel="${rel}"`))
    ?.match(/href="([^"]*)"/)?.[1];

describe('leak-same-folder: non-public documents beside public ones in navigation, home, sections and previous/next', () => {
  const get = fixtureBuild('leak-same-folder', { editions: ['intranet', 'public'] });
  itHoldsNothing(get, ['kvaggazebra'], 'kvaggazebra');

  it('links previous/next past the non-public document, which the intranet does show between them', () => {
    const { out } = get();
    const intranet = read(out, 'intranet/regler/adgang-for-gaester/index.html');
    expect(pager(intranet, 'next')).toBe('/regler/backup-af-kvaggazebra/');
    expect(independentFindings(path.join(out, 'intranet'), ['kvaggazebra']).length).toBeGreaterThan(5);
    const pub = read(out, 'public/regler/adgang-for-gaester/index.html');
    expect(pager(pub, 'next')).toBe('/regler/cookies-paa-hjemmesiden/');
    expect(pager(read(out, 'public/regler/cookies-paa-hjemmesiden/index.html'), 'prev')).toBe('/regler/adgang-for-gaester/');
  });

  it('lists the public documents on the home and section pages, and only those document pages exist', () => {
    const { out } = get();
    for (const page of ['public/index.html', 'public/regler/index.html']) {
      expect(read(out, page)).toContain('Adgang for gæster');
      expect(read(out, page)).toContain('Cookies på hjemmesiden');
    }
    expect(read(out, 'intranet/index.html')).toContain('Drift af Kvaggazebra');
    for (const id of ['regler/backup-af-kvaggazebra', 'regler/drift-af-kvaggazebra', 'politikker/intern-kvaggazebra-politik']) {
      expect(existsSync(path.join(out, 'public', id))).toBe(false);
      expect(existsSync(path.join(out, 'intranet', id, 'index.html'))).toBe(true);
    }
  });

  it('writes _headers and nginx-security.conf with the policy into both editions', () => {
    for (const edition of ['intranet', 'public']) {
      const dir = path.join(get().out, edition);
      expect(securityHeaders(dir)['Content-Security-Policy']).toMatch(
        /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'[^;]*; style-src 'self'/,
      );
      expect(read(dir, 'nginx-security.conf')).toMatch(
        /^add_header Content-Security-Policy "default-src 'self';.*frame-ancestors 'none'[^"]*" always;$/m,
      );
    }
  });
});

describe('leak-draft-retired: a draft and a retired document, both marked audience: public', () => {
  const get = fixtureBuild('leak-draft-retired');
  itHoldsNothing(get, ['okapiflyder', 'narhvalfax', 'kladde-okapiflyder', 'udgaaet-narhvalfax'], 'okapiflyder');
  it('publishes the approved public documents', () => {
    expect(read(get().out, 'public/regler/offentlig-regel/index.html')).toContain('Offentlig regel om skærmlås');
  });
});

describe('leak-drafts-env: HANDBOOK_DRAFTS=1 on a build of both editions', () => {
  const get = fixtureBuild('leak-drafts-env', { editions: ['intranet', 'public'], env: { HANDBOOK_DRAFTS: '1' } });
  itHoldsNothing(get, ['tapirkode', 'tapirlaas'], 'tapirkode');
  it('shows the drafts, marked, in the intranet only', () => {
    expect(read(get().out, 'intranet/regler/kladde-tapirkode/index.html')).toContain('banner--draft');
    expect(existsSync(path.join(get().out, 'public/regler/kladde-tapirkode'))).toBe(false);
  });
});

describe('leak-sitemap: a section and a root document with only non-public content', () => {
  const get = fixtureBuild('leak-sitemap');
  itHoldsNothing(get, ['mandril', 'Mandrilafdelingens'], 'mandril');
  it('lists exactly pages that exist in the public edition, every public document among them', () => {
    const { out } = get();
    const parsed = new XMLParser().parse(read(out, 'public/sitemap.xml')) as { urlset: { url: { loc: string }[] | { loc: string } } };
    const paths = [parsed.urlset.url].flat().map((u) => new URL(u.loc).pathname);
    for (const p of ['/', '/politikker/', '/regler/', '/politikker/offentlig-politik/', '/regler/offentlig-regel/'])
      expect(paths).toContain(p);
    for (const p of paths) expect(existsSync(path.join(out, 'public', p.endsWith('/') ? `${p}index.html` : p)), p).toBe(true);
    expect(existsSync(path.join(out, 'public/drift'))).toBe(false);
  });
});

describe('leak-404: the not-found page and a non-public address', () => {
  const get = fixtureBuild('leak-404');
  itHoldsNothing(get, ['pumahul'], 'pumahul');
  it('answers the non-public address with the plain 404 page', async () => {
    const root = path.join(get().out, 'public');
    const server = createStaticServer({ root, headers: securityHeaders(root) });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/regler/pumahule/`);
      expect(response.status).toBe(404);
      const body = await response.text();
      expect(body).toBe(read(root, '404.html'));
      expect(body.toLowerCase()).not.toContain('pumahul');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    } finally {
      server.close();
    }
  });
});
