/** A document's source split into its YAML frontmatter and its body, as Astro's Markdown loader splits it. */
export function splitFrontmatter(source: string): { yaml: string; body: string } {
  const m = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(source);
  return m ? { yaml: m[1] ?? '', body: source.slice(m[0].length).trim() } : { yaml: '', body: source.trim() };
}
