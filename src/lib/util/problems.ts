/** Problems found in content, reported one per line as `path:line:col: message`. */

/** A place in a source file, 1-based: `{ line: 4, col: 7 }`. */
export interface Place {
  line: number;
  col: number;
}

/** One problem in one file. */
export interface Problem {
  /** Path relative to the content folder's parent, e.g. `content/politikker/x.mdx`. */
  file: string;
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Formats a problem as the one line README promises: `content/x.mdx:4:7: message`. */
export function formatProblem(p: Problem): string {
  const prefix = p.severity === 'warning' ? 'advarsel: ' : '';
  return `${p.file}:${p.line}:${p.col}: ${prefix}${p.message}`;
}

/** Formats a problem as a GitHub Actions workflow-command annotation. */
export function formatAnnotation(p: Problem): string {
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const props = `file=${p.file},line=${p.line},col=${p.col}`;
  return `::${p.severity === 'warning' ? 'warning' : 'error'} ${props}::${escape(p.message)}`;
}

/** Prints problems to stderr, sorted by file and position, with annotations on GitHub Actions. */
export function reportProblems(problems: readonly Problem[], env: NodeJS.ProcessEnv = process.env): void {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
  for (const p of sorted) {
    console.error(formatProblem(p));
    if (env.GITHUB_ACTIONS === 'true') console.error(formatAnnotation(p));
  }
}
