import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import type { MarkdownHeading } from 'astro';
import documents from 'virtual:handbook/documents';
import { MARKDOWN_SETTINGS, markdownOptions } from '../markdown/options.ts';
import { manifest } from './manifest.ts';
import type { DocEntry } from './collection.ts';
import { splitFrontmatter } from '../markdown/frontmatter.ts';
import { deadLinkPlugin, type ArchiveNotes } from '../markdown/plugins/dead-links.ts';

/** A rendered document: HTML for plain Markdown, a component for MDX, and its headings either way. */
export type RenderedDoc = { html: string; headings: MarkdownHeading[] } | { Content: MdxContent; headings: MarkdownHeading[] };

/** The component an MDX module exports as its default. */
type MdxContent = Awaited<ReturnType<(typeof documents)[string]>>['default'];

let renderer: ReturnType<ReturnType<typeof satteri>['createRenderer']> | undefined;

/** Renders a document: MDX through its module (`virtual:handbook/documents`), plain Markdown with the same processor Astro uses for `.md`. */
export async function renderDoc(entry: DocEntry): Promise<RenderedDoc> {
  if (!entry.file.endsWith('.md')) {
    const load = documents[entry.id];
    if (!load) throw new Error(`${entry.file}: dokumentet mangler i udgavens moduler`);
    const module = await load();
    return { Content: module.default, headings: module.getHeadings() };
  }
  const file = path.join(manifest.contentDir, entry.file);
  const source = await readFile(file, 'utf8');
  const { body } = splitFrontmatter(source);
  renderer ??= satteri(markdownOptions(manifest)).createRenderer(MARKDOWN_SETTINGS);
  const { code, metadata } = await (await renderer).render(body, { frontmatter: entry.data, fileURL: pathToFileURL(file) });
  return { html: code, headings: metadata.headings };
}

let archiveRenderer: ReturnType<ReturnType<typeof satteri>['createRenderer']> | undefined;

/**
 * Renders the Markdown body of an archived version as a document page renders plain Markdown, links resolved from the
 * file's path at that version; links to documents or files the edition no longer has become text (`deadLinkPlugin`).
 */
export async function renderArchivedBody(
  body: string,
  file: string,
  frontmatter: Record<string, unknown>,
  exists: (file: string) => boolean,
  notes: ArchiveNotes,
): Promise<{ html: string; headings: MarkdownHeading[] }> {
  // One renderer per build: `exists` and the note are the same for every archived page of an edition.
  if (!archiveRenderer) {
    const options = markdownOptions(manifest);
    const dead = deadLinkPlugin(manifest.contentDir, exists, notes);
    archiveRenderer = satteri({ ...options, mdastPlugins: [dead, ...(options.mdastPlugins ?? [])] }).createRenderer(MARKDOWN_SETTINGS);
  }
  const fileURL = pathToFileURL(path.join(manifest.contentDir, file));
  const { code, metadata } = await (await archiveRenderer).render(body, { frontmatter, fileURL });
  return { html: code, headings: metadata.headings };
}
