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
    const place = this.where ? `${this.where.file}${this.where.line ? `:${this.where.line}:${this.where.column ?? 1}` : ''}: ` : '';
    return `${place}${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }
}
