import type { BuildManifest } from '../build/manifest.ts';

/** A document as the change list shows it. */
export interface ChangedDoc {
  id: string;
  title: string;
}

/** One entry of "Seneste ændringer": a commit on the intranet, a document's last change in the public edition. */
export interface ChangeEntry {
  /** Stable key: the commit hash, or the document id and date. */
  key: string;
  date: string;
  docs: ChangedDoc[];
  /** Commit message, author and hash: intranet only. */
  subject?: string;
  author?: string;
  hash?: string;
}

/** The latest changes across the edition, newest first, built only from the edition's own documents. */
export function latestChanges(manifest: BuildManifest, docs: readonly ChangedDoc[], limit = 50): ChangeEntry[] {
  const entries = new Map<string, ChangeEntry>();
  for (const doc of docs) {
    const git = manifest.docs[doc.id]?.git;
    if (manifest.edition === 'public') {
      // Only the date: commit messages and authors can name internal matters.
      if (git?.lastChanged)
        entries.set(`${doc.id}@${git.lastChanged}`, { key: `${doc.id}@${git.lastChanged}`, date: git.lastChanged, docs: [doc] });
      continue;
    }
    for (const c of git?.recent ?? []) {
      const entry = entries.get(c.hash) ?? { key: c.hash, date: c.date, docs: [], subject: c.subject, author: c.author, hash: c.hash };
      entry.docs.push(doc);
      entries.set(c.hash, entry);
    }
  }
  return [...entries.values()]
    .map((e) => ({ ...e, docs: [...e.docs].sort((a, b) => a.title.localeCompare(b.title, 'da')) }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.key.localeCompare(b.key))
    .slice(0, limit);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What the Atom writer needs besides the entries. */
export interface FeedOptions {
  title: string;
  /** Absolute URL of the change page, e.g. `https://intra.dst.dk/haandbog/seneste-aendringer/`. */
  pageUrl: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  /** Absolute URL of a document page. */
  docUrl: (id: string) => string;
  /** Summary line of an entry, e.g. `Ændret 9. april 2025`. */
  summary: (entry: ChangeEntry) => string;
}

/** Writes an Atom 1.0 feed; `updated` comes from the entries, so the same content gives the same bytes. */
export function atomFeed(entries: readonly ChangeEntry[], options: FeedOptions): string {
  const updated = `${entries[0]?.date ?? '1970-01-01'}T00:00:00Z`;
  const items = entries.map((e) => {
    const first = e.docs[0]!;
    const title = e.subject ?? first.title;
    return [
      '  <entry>',
      `    <id>${escapeXml(`${options.docUrl(first.id)}#${e.hash ?? e.date}`)}</id>`,
      `    <title>${escapeXml(title)}</title>`,
      `    <updated>${e.date}T00:00:00Z</updated>`,
      `    <link href="${escapeXml(options.docUrl(first.id))}"/>`,
      e.author ? `    <author><name>${escapeXml(e.author)}</name></author>` : '',
      `    <summary>${escapeXml(options.summary(e))}</summary>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeXml(options.title)}</title>`,
    `  <id>${escapeXml(options.feedUrl)}</id>`,
    `  <link rel="self" href="${escapeXml(options.feedUrl)}"/>`,
    `  <link href="${escapeXml(options.pageUrl)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(options.title)}</name></author>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
