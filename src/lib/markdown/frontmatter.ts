/** A document's source split into its YAML frontmatter and its body, as Astro's Markdown loader splits it. */
export function splitFrontmatter(file: string): { yaml: string; body: string } {
  // A byte-order mark, which editors on Windows may write, is not text (the MDX parse of `check` ignores it too).
  const source = file.replace(/^\uFEFF/, '');
  const m = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(source);
  return m ? { yaml: m[1] ?? '', body: source.slice(m[0].length).trim() } : { yaml: '', body: source.trim() };
}
