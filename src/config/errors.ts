// A user-facing configuration error: what, where (file:line:column) and how to fix it.
// The CLI prints it without a stack trace and exits 2.
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly where?: { file: string; line?: number; column?: number },
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }

  format(): string {
    return formatConfigError(this);
  }
}

/**
 * A configuration error as the user reads it. Given the fields rather than the class: a
 * ConfigError thrown in a worker thread arrives as a plain Error with them (and its name),
 * and one from the audit's modules is an instance of their own copy of the class.
 */
export function formatConfigError(e: Pick<ConfigError, 'message' | 'where' | 'hint'>): string {
  const place = e.where ? `${e.where.file}${e.where.line ? `:${e.where.line}:${e.where.column ?? 1}` : ''}: ` : '';
  return `${place}${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}`;
}
