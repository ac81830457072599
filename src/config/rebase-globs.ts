// A cascade of configs (config/find-config.ts) has one base folder, the top-most config's;
// the globs of a config lower down are relative to its own folder, so they are moved to
// the base by putting the folder between them ("*.md" in canned/cs/ is "canned/cs/*.md"),
// as ESLint's eslintrc moved a lower config's ignorePatterns.

/** `folder` with every sign a glob would read as a wildcard escaped. */
const literal = (folder: string) => folder.replace(/[\\*?[\]{}()!+@]/g, '\\$&');
/** `folder` with the wildcards of a .gitignore line escaped. */
const literalLine = (folder: string) => folder.replace(/[\\*?[\]]/g, '\\$&');

/** A picomatch glob (templates, channels) relative to `folder`, made relative to the base. */
export function globIn(folder: string, glob: string): string {
  const negated = glob.startsWith('!');
  const body = (negated ? glob.slice(1) : glob).replace(/^\.\//, '');
  return `${negated ? '!' : ''}${literal(folder)}/${body}`;
}

/**
 * A .gitignore line (ignores) relative to `folder`, made relative to the base. A line
 * with a slash before its end is anchored to its folder; one without matches at any
 * depth below it, so it keeps "**\/" after the folder.
 */
export function ignoreLineIn(folder: string, line: string): string {
  if (!line.trim() || line.startsWith('#')) return line;
  const negated = line.startsWith('!');
  const body = negated ? line.slice(1) : line;
  let end = body.length;
  while (end > 0 && body[end - 1] === '/') end--;
  const anchored = body.slice(0, end).includes('/');
  return `${negated ? '!' : ''}${literalLine(folder)}/${anchored ? body.replace(/^\/+/, '') : `**/${body}`}`;
}

/** Patterns of a config in `folder` (from the base; "" for the base itself), relative to the base. */
export function inFolder(folder: string, patterns: readonly string[], move: (folder: string, pattern: string) => string): string[] {
  return folder ? patterns.map((p) => move(folder, p)) : [...patterns];
}
