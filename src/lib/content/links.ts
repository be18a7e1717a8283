import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Handbook, HandbookDoc } from './load.ts';
import type { Reference } from '../markdown/parse.ts';
import type { Problem } from '../util/problems.ts';
import { inEdition } from '../config/editions.ts';
import { isNodeModule } from '../markdown/build-time-code.ts';
import { isPresent, unreadableReason } from '../util/read-source.ts';

/** What a reference in a document points at. */
export type Target =
  | { kind: 'external' }
  | { kind: 'self'; anchor: string }
  | { kind: 'document'; file: string; anchor?: string }
  | { kind: 'asset'; file: string }
  | { kind: 'site'; pathname: string; anchor?: string }
  | { kind: 'outside'; resolved: string };

/** Resolves a reference of document `from` (a path inside the content folder). */
export function resolveReference(from: string, url: string): Target {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return { kind: 'external' };
  const [pathPart = '', anchor] = splitAnchor(url);
  if (!pathPart) return { kind: 'self', anchor: anchor ?? '' };
  if (pathPart.startsWith('/')) return { kind: 'site', pathname: pathPart, anchor };
  if (!pathPart.startsWith('.') && !/^[\w-]/.test(pathPart)) return { kind: 'external' };
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), decodeURI(pathPart)));
  if (resolved.startsWith('../') || resolved === '..') return { kind: 'outside', resolved };
  if (resolved.endsWith('.mdx')) return { kind: 'document', file: resolved, anchor };
  return { kind: 'asset', file: resolved };
}

/** Splits `a/b.mdx#x` into path and anchor. */
function splitAnchor(url: string): [string, string | undefined] {
  const i = url.indexOf('#');
  const clean = url.split('?')[0]!;
  return i < 0 ? [clean, undefined] : [clean.slice(0, clean.indexOf('#')), url.slice(i + 1)];
}

/** The document a site URL such as `/retningslinjer/kryptering/#nøgler` names, if any. */
function docForPathname(pathname: string, byId: Map<string, HandbookDoc>): HandbookDoc | undefined {
  return byId.get(pathname.replace(/^\/+|\/+$/g, '').replace(/\/index$/, ''));
}

/** Checks every link, image and import: existence, anchors, and that public documents reference only public ones. */
export function checkReferences(handbook: Handbook): Problem[] {
  const problems: Problem[] = [];
  const byFile = new Map(handbook.docs.map((d) => [d.file, d]));
  const byId = new Map(handbook.docs.map((d) => [d.id, d]));
  const folders = new Set(handbook.docs.map((d) => d.folder).filter(Boolean));
  const isPublic = (d: HandbookDoc) => inEdition(d.data, 'public', { drafts: false });
  const isPublished = (d: HandbookDoc) => inEdition(d.data, 'intranet', { drafts: false });
  for (const doc of handbook.docs) {
    const add = (ref: Reference, message: string, severity: Problem['severity'] = 'error') =>
      problems.push({ file: doc.displayPath, line: ref.line, col: ref.col, message, severity });
    const checkDoc = (ref: Reference, target: HandbookDoc, anchor: string | undefined) => {
      if (anchor && !target.headings.some((h) => h.id === anchor)) {
        add(ref, `link: overskriften "#${anchor}" findes ikke i ${target.displayPath}`);
      }
      if (isPublic(doc) && !isPublic(target)) {
        const verb = ref.kind === 'import' ? 'importerer' : 'linker til';
        add(
          ref,
          `link: offentligt dokument ${verb} ${target.displayPath}, som ikke er offentligt (audience: public og status: approved); ${doc.displayPath} må kun henvise til offentlige dokumenter`,
        );
      } else if (isPublished(doc) && !isPublished(target)) {
        add(ref, `link: ${target.displayPath} har status ${target.data.status} og udgives ikke`, 'warning');
      }
    };
    for (const ref of doc.references) {
      // A Node module is refused as build-time code (`build-time-code.ts`), with its own message.
      if (ref.kind === 'import' && isNodeModule(ref.url)) continue;
      if (ref.kind === 'import' && !/^\.\.?\//.test(ref.url)) {
        // An absolute path or a module would be resolved by the build outside the edition's staged files.
        add(ref, `import: "${ref.url}" skal være en relativ sti (./ eller ../) til en fil i indholdsmappen`);
        continue;
      }
      const target = resolveReference(doc.file, ref.url);
      switch (target.kind) {
        case 'self':
          if (target.anchor && !doc.headings.some((h) => h.id === target.anchor))
            add(ref, `link: overskriften "#${target.anchor}" findes ikke i dokumentet`);
          break;
        case 'document': {
          const linked = byFile.get(target.file);
          if (linked) checkDoc(ref, linked, target.anchor);
          else if (existsSync(path.join(handbook.contentDir, target.file)))
            add(ref, `link: ${ref.url} har fejl i sin frontmatter og kan ikke bruges`);
          else add(ref, `link: ${ref.url} findes ikke (ingen fil ${target.file} i indholdsmappen)`);
          break;
        }
        case 'site': {
          const linked = docForPathname(target.pathname, byId);
          if (linked) checkDoc(ref, linked, target.anchor);
          else if (folders.has(target.pathname.split('/')[1] ?? '')) add(ref, `link: ${ref.url} peger ikke på et dokument`);
          break;
        }
        case 'asset': {
          const file = path.join(handbook.contentDir, target.file);
          if (!isPresent(file)) add(ref, `${ref.kind}: ${ref.url} findes ikke`);
          else {
            // A link in a ring, to nothing, or a file the build could not copy.
            const reason = unreadableReason(file);
            if (reason) add(ref, `${ref.kind}: ${ref.url}: ${reason}`);
          }
          break;
        }
        case 'outside':
          add(ref, `${ref.kind}: ${ref.url} peger uden for indholdsmappen`);
          break;
      }
    }
  }
  return problems;
}

/** The content files a document needs beside itself: images, attachments and imported files. */
export function localDependencies(doc: HandbookDoc): string[] {
  const files = new Set<string>();
  for (const ref of doc.references) {
    const target = resolveReference(doc.file, ref.url);
    if (target.kind === 'asset') files.add(target.file);
    if (target.kind === 'document' && ref.kind === 'import') files.add(target.file);
  }
  return [...files].sort();
}

/** Files a document links to for download (PDFs, spreadsheets …): published beside its page, at the same path. */
export function attachments(doc: HandbookDoc): string[] {
  const files = new Set<string>();
  for (const ref of doc.references) {
    const target = resolveReference(doc.file, ref.url);
    if (ref.kind === 'link' && target.kind === 'asset') files.add(target.file);
  }
  return [...files].sort();
}
